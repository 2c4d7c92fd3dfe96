package io.setsync.api.request;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of accepting a request: entities, the new job, coalescing and idempotency keys. */
@Repository
class SyncRequestStore {

  private final JdbcClient jdbc;

  SyncRequestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Entity(UUID id, String spotifyId, String ticketmasterId) {}

  record ActiveJob(UUID syncId, JobStatus status) {}

  record StoredAnswer(byte[] requestHash, SyncAccepted answer) {}

  Optional<Entity> findById(EntityKind kind, UUID id) {
    // The table name comes from the enum, never from input.
    String sql =
        switch (kind) {
          case ARTIST -> "SELECT id, spotify_id, ticketmaster_id FROM artists WHERE id = ?";
          case SHOW -> "SELECT id, NULL AS spotify_id, ticketmaster_id FROM shows WHERE id = ?";
          case VENUE -> "SELECT id, NULL AS spotify_id, ticketmaster_id FROM venues WHERE id = ?";
        };
    return jdbc.sql(sql).param(id).query(SyncRequestStore::entity).optional();
  }

  Optional<Entity> findByTicketmasterId(EntityKind kind, String ticketmasterId) {
    String sql =
        switch (kind) {
          case ARTIST ->
              "SELECT id, spotify_id, ticketmaster_id FROM artists WHERE ticketmaster_id = ?";
          case SHOW ->
              "SELECT id, NULL AS spotify_id, ticketmaster_id FROM shows WHERE ticketmaster_id = ?";
          case VENUE ->
              "SELECT id, NULL AS spotify_id, ticketmaster_id FROM venues WHERE ticketmaster_id = ?";
        };
    return jdbc.sql(sql).param(ticketmasterId).query(SyncRequestStore::entity).optional();
  }

  /** The artist with either id, preferring the one the Spotify id names. */
  Optional<Entity> findArtist(String spotifyId, String ticketmasterId) {
    return jdbc.sql(
            """
            SELECT id, spotify_id, ticketmaster_id
            FROM artists
            WHERE spotify_id = :spotifyId OR ticketmaster_id = :ticketmasterId
            ORDER BY (spotify_id = :spotifyId) IS TRUE DESC
            LIMIT 1
            """)
        .param("spotifyId", spotifyId)
        .param("ticketmasterId", ticketmasterId)
        .query(SyncRequestStore::entity)
        .optional();
  }

  /**
   * Creates the row of an artist known only by external ids; a concurrent insert of the same artist
   * wins and this one returns empty (then read it with {@link #findArtist}).
   */
  Optional<Entity> insertArtist(String spotifyId, String ticketmasterId) {
    return jdbc.sql(
            """
            INSERT INTO artists (spotify_id, ticketmaster_id)
            VALUES (:spotifyId, :ticketmasterId)
            ON CONFLICT DO NOTHING
            RETURNING id, spotify_id, ticketmaster_id
            """)
        .param("spotifyId", spotifyId)
        .param("ticketmasterId", ticketmasterId)
        .query(SyncRequestStore::entity)
        .optional();
  }

  /** Serialises requests for one entity until the transaction ends. */
  void lockEntity(UUID entityId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)")
        .param(entityId.getMostSignificantBits() ^ entityId.getLeastSignificantBits())
        .query()
        .singleValue();
  }

  Optional<ActiveJob> findActiveJob(EntityKind kind, UUID entityId) {
    return jdbc.sql(
            """
            SELECT id, status
            FROM sync_jobs
            WHERE entity_type = ? AND entity_id = ? AND status IN ('queued', 'running')
            ORDER BY requested_at DESC
            LIMIT 1
            """)
        .param(kind.apiName())
        .param(entityId)
        .query(
            (rs, row) ->
                new ActiveJob(rs.getObject("id", UUID.class), JobStatus.of(rs.getString("status"))))
        .optional();
  }

  void insertJob(UUID syncId, SyncCommand command, Entity entity, Instant requestedAt) {
    Timestamp at = Timestamp.from(requestedAt);
    jdbc.sql(
            """
            INSERT INTO sync_jobs (
                id, entity_type, entity_id, parent_sync_id, root_sync_id, reason, status,
                requested_by, spotify_id, ticketmaster_id, skip_dependencies, force_refresh,
                requested_at, attempts, status_at, status_rank)
            VALUES (
                :id, :entityType, :entityId, NULL, :id, 'USER', 'queued',
                :requestedBy, :spotifyId, :ticketmasterId, :skipDependencies, :forceRefresh,
                :requestedAt, 0, :requestedAt, 0)
            """)
        .param("id", syncId)
        .param("entityType", command.kind().apiName())
        .param("entityId", entity.id())
        .param("requestedBy", command.requestedBy())
        .param("spotifyId", entity.spotifyId())
        .param("ticketmasterId", entity.ticketmasterId())
        .param("skipDependencies", command.skipDependencies())
        .param("forceRefresh", command.forceRefresh())
        .param("requestedAt", at)
        .update();
  }

  /** The entity shows {@code queued} at once, unless a newer status is already there. */
  void markEntityQueued(EntityKind kind, UUID entityId, Instant requestedAt) {
    String sql =
        switch (kind) {
          case ARTIST ->
              """
              UPDATE artists SET sync_status = 'queued', sync_status_at = :at
              WHERE id = :id AND (sync_status_at IS NULL OR sync_status_at < :at)
              """;
          case SHOW ->
              """
              UPDATE shows SET sync_status = 'queued', sync_status_at = :at
              WHERE id = :id AND (sync_status_at IS NULL OR sync_status_at < :at)
              """;
          case VENUE ->
              """
              UPDATE venues SET sync_status = 'queued', sync_status_at = :at
              WHERE id = :id AND (sync_status_at IS NULL OR sync_status_at < :at)
              """;
        };
    jdbc.sql(sql).param("id", entityId).param("at", Timestamp.from(requestedAt)).update();
  }

  /**
   * Claims an idempotency key for this transaction. False if the key is taken: a concurrent claim
   * waits here until the first transaction ends, then sees its answer.
   */
  boolean claimIdempotencyKey(String clientId, String key, byte[] requestHash) {
    return jdbc.sql(
                """
                INSERT INTO idempotency_keys (client_id, idempotency_key, request_hash)
                VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
            .param(clientId)
            .param(key)
            .param(requestHash)
            .update()
        == 1;
  }

  Optional<StoredAnswer> findAnswer(String clientId, String key) {
    return jdbc.sql(
            """
            SELECT request_hash, sync_id, status, entity_type, entity_id, coalesced
            FROM idempotency_keys
            WHERE client_id = ? AND idempotency_key = ? AND sync_id IS NOT NULL
            """)
        .param(clientId)
        .param(key)
        .query(
            (rs, row) ->
                new StoredAnswer(
                    rs.getBytes("request_hash"),
                    new SyncAccepted(
                        rs.getObject("sync_id", UUID.class),
                        rs.getString("status"),
                        rs.getString("entity_type"),
                        rs.getObject("entity_id", UUID.class),
                        rs.getBoolean("coalesced"))))
        .optional();
  }

  void storeAnswer(String clientId, String key, SyncAccepted answer) {
    jdbc.sql(
            """
            UPDATE idempotency_keys
            SET sync_id = :syncId, status = :status, entity_type = :entityType,
                entity_id = :entityId, coalesced = :coalesced
            WHERE client_id = :clientId AND idempotency_key = :key
            """)
        .param("syncId", answer.syncId())
        .param("status", answer.status())
        .param("entityType", answer.entityType())
        .param("entityId", answer.entityId())
        .param("coalesced", answer.coalesced())
        .param("clientId", clientId)
        .param("key", key)
        .update();
  }

  /** Deletes up to {@code limit} keys older than {@code before}; returns how many. */
  int purgeIdempotencyKeys(Instant before, int limit) {
    return jdbc.sql(
            """
            DELETE FROM idempotency_keys
            WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM idempotency_keys WHERE created_at < ? LIMIT ?))
            """)
        .param(Timestamp.from(before))
        .param(limit)
        .update();
  }

  static boolean sameHash(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }

  private static Entity entity(ResultSet rs, int row) throws SQLException {
    return new Entity(
        rs.getObject("id", UUID.class),
        rs.getString("spotify_id"),
        rs.getString("ticketmaster_id"));
  }
}
