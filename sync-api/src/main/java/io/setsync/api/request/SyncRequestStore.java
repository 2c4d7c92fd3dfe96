package io.setsync.api.request;

import io.setsync.api.outbox.OutboxRow;
import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.EntityLocks;
import io.setsync.api.sync.IdempotencyKeys;
import io.setsync.api.sync.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of accepting a request: entities, the new job, coalescing and idempotency keys. A new
 * request takes two statements: find (or create: an artist named by external ids, a show or venue
 * named by a Ticketmaster id) and lock the entity, then join its active job or write the new one
 * with everything that goes with it.
 */
@Repository
class SyncRequestStore implements IdempotencyKeys.Store<SyncAccepted> {

  private final JdbcClient jdbc;

  SyncRequestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Entity(UUID id, String spotifyId, String ticketmasterId) {}

  /** The job a request ended with: the new one, or the queued or running one it joined. */
  record Job(UUID syncId, JobStatus status, boolean joined) {}

  // Every lookup of an entity also takes its lock, held until the transaction ends: requests for
  // one entity are serialised from there on. The key is the entity id folded to 64 bits (most ^
  // least significant half), the key all sync-api versions use, so old and new instances still
  // exclude each other during a rolling upgrade.
  private static final String LOCK = EntityLocks.lock("id");

  private static final String FIND_ARTIST =
      """
      SELECT id, spotify_id, ticketmaster_id
      FROM artists
      WHERE spotify_id = :spotifyId OR ticketmaster_id = :ticketmasterId
      ORDER BY (spotify_id = :spotifyId) IS TRUE DESC
      LIMIT 1""";

  // Insert first, so that a new artist costs one statement. An insert that conflicts does nothing
  // and the artist is read instead, exactly as FIND_ARTIST reads it (preferring the Spotify id's
  // row when the two ids name two artists).
  private static final String CREATE_OR_FIND_ARTIST =
      """
      WITH inserted AS (
          INSERT INTO artists (spotify_id, ticketmaster_id)
          VALUES (:spotifyId, :ticketmasterId)
          ON CONFLICT DO NOTHING
          RETURNING id, spotify_id, ticketmaster_id),
      artist AS (
          SELECT id, spotify_id, ticketmaster_id FROM inserted
          UNION ALL
          SELECT id, spotify_id, ticketmaster_id FROM (%s) found
          WHERE NOT EXISTS (SELECT FROM inserted))
      SELECT id, spotify_id, ticketmaster_id, %s FROM artist
      """
          .formatted(FIND_ARTIST, LOCK);

  // A show or venue named by a Ticketmaster id it was not stored under yet gets a placeholder row
  // (only the id and ticketmaster_id; every other column is nullable) that its worker fills in
  // place, as CREATE_OR_FIND_ARTIST does for artists: insert first, read the row only if the
  // insert conflicts. %1$s is the entity's table.
  private static final String CREATE_OR_FIND_BY_TICKETMASTER_ID =
      """
      WITH inserted AS (
          INSERT INTO %1$s (ticketmaster_id)
          VALUES (:ticketmasterId)
          ON CONFLICT (ticketmaster_id) DO NOTHING
          RETURNING id, ticketmaster_id),
      entity AS (
          SELECT id, ticketmaster_id FROM inserted
          UNION ALL
          SELECT id, ticketmaster_id FROM %1$s
          WHERE ticketmaster_id = :ticketmasterId AND NOT EXISTS (SELECT FROM inserted))
      SELECT id, NULL AS spotify_id, ticketmaster_id, %2$s FROM entity
      """;

  // The job, its outbox row and the entity's queued status in one statement, unless the entity has
  // a queued or running job to join. It runs after the entity's lock was taken, so its snapshot
  // holds every job committed by the lock's earlier holders. The entity shows queued unless a
  // newer status is there already.
  private static final String QUEUE_JOB =
      """
      WITH active AS (
          SELECT id, status
          FROM sync_jobs
          WHERE :joinActive AND entity_type = :entityType AND entity_id = :entityId
            AND status IN ('queued', 'running')
          ORDER BY requested_at DESC
          LIMIT 1),
      job AS (
          INSERT INTO sync_jobs (
              id, entity_type, entity_id, parent_sync_id, root_sync_id, reason, status,
              requested_by, spotify_id, ticketmaster_id, skip_dependencies, force_refresh,
              requested_at, attempts, status_at, status_rank)
          SELECT :id, :entityType, :entityId, NULL, :id, 'USER', 'queued',
                 :requestedBy, :spotifyId, :ticketmasterId, :skipDependencies, :forceRefresh,
                 :requestedAt, 0, :requestedAt, 0
          WHERE NOT EXISTS (SELECT FROM active)
          RETURNING id),
      outbox AS (
          INSERT INTO sync_outbox (event_id, sync_id, topic, message_key)
          SELECT :eventId, id, :topic, :messageKey FROM job),
      queued AS (
          UPDATE %s SET sync_status = 'queued', sync_status_at = :requestedAt
          WHERE id = :entityId AND (sync_status_at IS NULL OR sync_status_at < :requestedAt)
            AND EXISTS (SELECT FROM job))
      SELECT id, status, true AS joined FROM active
      UNION ALL
      SELECT id, 'queued', false FROM job
      """;

  /** The entity with this id, locked. */
  Optional<Entity> lockById(EntityKind kind, UUID id) {
    // Table names come from the enum, never from input.
    return jdbc.sql(
            "SELECT %s, %s FROM %s WHERE id = ?".formatted(columns(kind), LOCK, kind.table()))
        .param(id)
        .query(SyncRequestStore::entity)
        .optional();
  }

  /** The entity with this Ticketmaster id, locked. */
  Optional<Entity> lockByTicketmasterId(EntityKind kind, String ticketmasterId) {
    return jdbc.sql(
            "SELECT %s, %s FROM %s WHERE ticketmaster_id = ?"
                .formatted(columns(kind), LOCK, kind.table()))
        .param(ticketmasterId)
        .query(SyncRequestStore::entity)
        .optional();
  }

  /**
   * The show or venue with this Ticketmaster id, created (a placeholder its worker fills in) if it
   * is not stored yet, and locked. Empty if the row was created by a concurrent transaction that
   * committed after this statement began: read it with {@link #lockByTicketmasterId}.
   */
  Optional<Entity> createOrLockByTicketmasterId(EntityKind kind, String ticketmasterId) {
    if (kind == EntityKind.ARTIST) {
      throw new IllegalArgumentException("Artists are created by createOrLockArtist");
    }
    // Table names come from the enum, never from input.
    return jdbc.sql(CREATE_OR_FIND_BY_TICKETMASTER_ID.formatted(kind.table(), LOCK))
        .param("ticketmasterId", ticketmasterId)
        .query(SyncRequestStore::entity)
        .optional();
  }

  /**
   * The artist with either external id, created if neither is known, and locked. Empty if the
   * artist was created by a concurrent transaction that committed after this statement began: read
   * it with {@link #lockArtist}.
   */
  Optional<Entity> createOrLockArtist(String spotifyId, String ticketmasterId) {
    return jdbc.sql(CREATE_OR_FIND_ARTIST)
        .param("spotifyId", spotifyId)
        .param("ticketmasterId", ticketmasterId)
        .query(SyncRequestStore::entity)
        .optional();
  }

  /** The artist with either id, preferring the one the Spotify id names, locked. */
  Optional<Entity> lockArtist(String spotifyId, String ticketmasterId) {
    return jdbc.sql(
            "SELECT id, spotify_id, ticketmaster_id, %s FROM (%s) found"
                .formatted(LOCK, FIND_ARTIST))
        .param("spotifyId", spotifyId)
        .param("ticketmasterId", ticketmasterId)
        .query(SyncRequestStore::entity)
        .optional();
  }

  /**
   * Writes the new job {@code syncId} with its outbox row and marks the entity queued; but without
   * {@code forceRefresh}, if the entity (locked by this transaction) has a queued or running job,
   * returns that one and writes nothing.
   */
  Job queueJob(
      UUID syncId,
      SyncCommand command,
      Entity entity,
      Instant requestedAt,
      OutboxRow announcement) {
    return jdbc.sql(QUEUE_JOB.formatted(command.kind().table()))
        .param("joinActive", !command.forceRefresh())
        .param("id", syncId)
        .param("entityType", command.kind().apiName())
        .param("entityId", entity.id())
        .param("requestedBy", command.requestedBy())
        .param("spotifyId", entity.spotifyId())
        .param("ticketmasterId", entity.ticketmasterId())
        .param("skipDependencies", command.skipDependencies())
        .param("forceRefresh", command.forceRefresh())
        .param("requestedAt", Timestamp.from(requestedAt))
        .param("eventId", announcement.eventId())
        .param("topic", announcement.topic())
        .param("messageKey", announcement.messageKey())
        .query(
            (rs, row) ->
                new Job(
                    rs.getObject("id", UUID.class),
                    JobStatus.of(rs.getString("status")),
                    rs.getBoolean("joined")))
        .single();
  }

  @Override
  public boolean claimIdempotencyKey(String clientId, String key, byte[] requestHash) {
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

  @Override
  public Optional<IdempotencyKeys.StoredAnswer<SyncAccepted>> findAnswer(
      String clientId, String key) {
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
                new IdempotencyKeys.StoredAnswer<>(
                    rs.getBytes("request_hash"),
                    new SyncAccepted(
                        rs.getObject("sync_id", UUID.class),
                        rs.getString("status"),
                        rs.getString("entity_type"),
                        rs.getObject("entity_id", UUID.class),
                        rs.getBoolean("coalesced"))))
        .optional();
  }

  @Override
  public void storeAnswer(String clientId, String key, SyncAccepted answer) {
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

  @Override
  public int purgeIdempotencyKeys(Instant before, int limit) {
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

  private static String columns(EntityKind kind) {
    return kind == EntityKind.ARTIST
        ? "id, spotify_id, ticketmaster_id"
        : "id, NULL AS spotify_id, ticketmaster_id";
  }

  private static Entity entity(ResultSet rs, int row) throws SQLException {
    return new Entity(
        rs.getObject("id", UUID.class),
        rs.getString("spotify_id"),
        rs.getString("ticketmaster_id"));
  }
}
