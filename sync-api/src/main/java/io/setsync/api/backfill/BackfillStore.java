package io.setsync.api.backfill;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.EntityLocks;
import io.setsync.api.sync.IdempotencyKeys;
import io.setsync.api.sync.SyncReason;
import io.setsync.events.EntityType;
import io.setsync.schemas.topic.Topics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** The SQL of backfills: the {@code backfills} rows, and their jobs in {@code sync_jobs}. */
@Repository
class BackfillStore implements IdempotencyKeys.Store<BackfillAccepted> {

  /** A backfill as stored. */
  record Backfill(
      UUID id,
      SyncReason reason,
      EntityKind kind,
      BackfillSelector selector,
      Instant staleBefore,
      int maxPerSecond,
      String requestedBy,
      UUID cursor,
      Instant lastEnqueuedAt,
      Instant createdAt) {

    /** A backfill not started yet: no page made, created {@code now}. */
    static Backfill starting(
        SyncReason reason,
        EntityKind kind,
        BackfillSelector selector,
        Instant staleBefore,
        int maxPerSecond,
        String requestedBy,
        Instant now) {
      return new Backfill(
          UUID.randomUUID(),
          reason,
          kind,
          selector,
          staleBefore,
          maxPerSecond,
          requestedBy,
          null,
          null,
          now);
    }
  }

  private static final String FIND =
      """
      SELECT b.id, b.status, b.total, b.enqueued,
             count(j.id) FILTER (WHERE j.status = 'completed') AS completed,
             count(j.id) FILTER (WHERE j.status = 'failed') AS failed,
             count(j.id) FILTER (WHERE j.status IN ('queued', 'running')) AS unfinished
      FROM backfills b
      LEFT JOIN sync_jobs j ON j.backfill_id = b.id
      WHERE b.id = ?
      GROUP BY b.id
      """;

  // The backfill whose last page is oldest (a new one first), so every backfill moves on each tick
  // however many there are; one another instance holds is skipped.
  private static final String LOCK_NEXT_ENQUEUING =
      """
      SELECT id, reason, entity_type, selector, stale_before, max_per_second, requested_by,
             cursor_id, last_enqueued_at, created_at
      FROM backfills
      WHERE status = 'enqueuing' AND NOT (id = ANY (?))
      ORDER BY last_enqueued_at NULLS FIRST, created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
      """;

  // The next page of the selection in id order, each entity locked as a POST locks it (in id
  // order, so two pages never wait on each other in a cycle).
  private static final String PICK_PAGE =
      """
      SELECT p.id, p.spotify_id, p.ticketmaster_id, %4$s
      FROM (
          SELECT e.id, %2$s AS spotify_id, e.ticketmaster_id
          FROM %1$s e
          WHERE e.id > :cursor AND %3$s
          ORDER BY e.id
          LIMIT :limit) p
      ORDER BY p.id
      """;

  // Run after the locks, so its snapshot sees every job committed before them: a job per picked
  // entity without a queued or running one (a POST would join that), with the backfill's reason
  // and its own root, its SyncRequested in the outbox for the replay topic, and the entity marked
  // queued, as a POST does. Returns how many jobs it made. The jobs force a refetch: an entity
  // synced within the workers' fresh-for would otherwise complete without one, a refresh that
  // refreshed nothing (the cascades they start are not forced).
  private static final String INSERT_JOBS =
      """
      WITH picked AS (
          SELECT p.*, gen_random_uuid() AS job_id
          FROM unnest(:ids, :spotifyIds, :ticketmasterIds) AS p(id, spotify_id, ticketmaster_id)
          WHERE NOT EXISTS (
              SELECT FROM sync_jobs a
              WHERE a.entity_type = :entityType AND a.entity_id = p.id
                AND a.status IN ('queued', 'running'))),
      jobs AS (
          INSERT INTO sync_jobs (
              id, entity_type, entity_id, parent_sync_id, root_sync_id, reason, status,
              requested_by, spotify_id, ticketmaster_id, skip_dependencies, force_refresh,
              requested_at, attempts, status_at, status_rank, backfill_id)
          SELECT p.job_id, :entityType, p.id, NULL, p.job_id, :reason, 'queued',
                 :requestedBy, p.spotify_id, p.ticketmaster_id, false, true,
                 :now, 0, :now, 0, :backfillId
          FROM picked p
          RETURNING id, entity_id),
      outbox AS (
          INSERT INTO sync_outbox (event_id, sync_id, topic, message_key)
          SELECT gen_random_uuid(), id, :topic, entity_id::text FROM jobs),
      queued AS (
          UPDATE %1$s e SET sync_status = 'queued', sync_status_at = :now
          FROM jobs
          WHERE e.id = jobs.entity_id
            AND (e.sync_status_at IS NULL OR e.sync_status_at < :now))
      SELECT count(*) FROM jobs
      """;

  // pg_try_advisory_xact_lock(namespace, entity kind): apart from the relay's and entities' locks.
  private static final int SCHEDULED_RUN_LOCKS = 0x5e75d;

  // The nil UUID sorts below every id an entity gets: a backfill's first page starts after it, so
  // every page is the same range scan of the primary key.
  private static final UUID BEFORE_ANY_ID = new UUID(0, 0);

  private final JdbcClient jdbc;

  BackfillStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many entities the selection holds now. */
  long count(EntityKind kind, BackfillSelector selector, Instant staleBefore) {
    // Table and condition come from enums, never from input.
    return withStaleBefore(
            jdbc.sql(
                "SELECT count(*) FROM %s e WHERE %s".formatted(kind.table(), selector.condition())),
            selector,
            staleBefore)
        .query(Long.class)
        .single();
  }

  void create(Backfill backfill, long total) {
    jdbc.sql(
            """
            INSERT INTO backfills (id, reason, entity_type, selector, stale_before, max_per_second,
                                   requested_by, status, total, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'enqueuing', ?, ?, ?)
            """)
        .param(backfill.id())
        .param(backfill.reason().name())
        .param(backfill.kind().apiName())
        .param(backfill.selector().apiName())
        .param(timestamp(backfill.staleBefore()))
        .param(backfill.maxPerSecond())
        .param(backfill.requestedBy())
        .param(total)
        .param(timestamp(backfill.createdAt()))
        .param(timestamp(backfill.createdAt()))
        .update();
  }

  Optional<BackfillView> find(UUID id) {
    return jdbc.sql(FIND)
        .param(id)
        .query(
            (rs, row) -> {
              boolean enqueuing = "enqueuing".equals(rs.getString("status"));
              String status =
                  enqueuing ? "enqueuing" : rs.getLong("unfinished") > 0 ? "running" : "completed";
              return new BackfillView(
                  rs.getObject("id", UUID.class),
                  status,
                  rs.getLong("total"),
                  rs.getLong("enqueued"),
                  rs.getLong("completed"),
                  rs.getLong("failed"));
            })
        .optional();
  }

  /**
   * Makes this transaction the only one deciding on a scheduled run of the entity type; false if
   * another instance is deciding.
   */
  boolean lockScheduledRuns(EntityKind kind) {
    return Boolean.TRUE.equals(
        jdbc.sql("SELECT pg_try_advisory_xact_lock(?, ?)")
            .param(SCHEDULED_RUN_LOCKS)
            .param(kind.ordinal())
            .query(Boolean.class)
            .single());
  }

  /** Whether a scheduled run of the type was created after {@code since} or still makes jobs. */
  boolean hasScheduledRunSince(EntityKind kind, Instant since) {
    return Boolean.TRUE.equals(
        jdbc.sql(
                """
                SELECT EXISTS (
                    SELECT FROM backfills
                    WHERE reason = 'SCHEDULED' AND entity_type = ?
                      AND (created_at > ? OR status = 'enqueuing'))
                """)
            .param(kind.apiName())
            .param(timestamp(since))
            .query(Boolean.class)
            .single());
  }

  /** The backfill's jobs still queued or running (a read of its partial index). */
  long unfinishedJobs(UUID backfillId) {
    return jdbc.sql(
            "SELECT count(*) FROM sync_jobs WHERE backfill_id = ? AND status IN ('queued', 'running')")
        .param(backfillId)
        .query(Long.class)
        .single();
  }

  /** The next backfill still enqueuing, other than {@code done}, locked; empty if none is free. */
  Optional<Backfill> lockNextEnqueuing(Collection<UUID> done) {
    return jdbc.sql(LOCK_NEXT_ENQUEUING)
        .param(new SqlArrayValue("uuid", done.toArray()))
        .query(BackfillStore::backfill)
        .optional();
  }

  /**
   * The page's outcome: entities selected, jobs made (fewer when some had a job already), and the
   * last entity id passed (null if none was left).
   */
  record Page(long picked, long made, UUID lastId) {}

  Page enqueuePage(Backfill backfill, int limit, Instant now) {
    EntityKind kind = backfill.kind();
    String spotifyId = kind == EntityKind.ARTIST ? "e.spotify_id" : "CAST(NULL AS text)";
    String pick =
        PICK_PAGE.formatted(
            kind.table(), spotifyId, backfill.selector().condition(), EntityLocks.lock("p.id"));
    record Picked(UUID id, String spotifyId, String ticketmasterId) {}
    List<Picked> picked =
        withStaleBefore(jdbc.sql(pick), backfill.selector(), backfill.staleBefore())
            .param("cursor", backfill.cursor() != null ? backfill.cursor() : BEFORE_ANY_ID)
            .param("limit", limit)
            .query(
                (rs, row) ->
                    new Picked(
                        rs.getObject("id", UUID.class),
                        rs.getString("spotify_id"),
                        rs.getString("ticketmaster_id")))
            .list();
    if (picked.isEmpty()) {
      return new Page(0, 0, null);
    }
    long made =
        jdbc.sql(INSERT_JOBS.formatted(kind.table()))
            .param("ids", new SqlArrayValue("uuid", picked.stream().map(Picked::id).toArray()))
            .param(
                "spotifyIds",
                new SqlArrayValue("text", picked.stream().map(Picked::spotifyId).toArray()))
            .param(
                "ticketmasterIds",
                new SqlArrayValue("text", picked.stream().map(Picked::ticketmasterId).toArray()))
            .param("entityType", kind.apiName())
            .param("reason", backfill.reason().name())
            .param("requestedBy", backfill.requestedBy())
            .param("now", timestamp(now))
            .param("backfillId", backfill.id())
            .param("topic", Topics.replay(EntityType.valueOf(kind.name())).name())
            .query(Long.class)
            .single();
    return new Page(picked.size(), made, picked.get(picked.size() - 1).id());
  }

  /**
   * Records a page: moves the cursor and counts the jobs; when the page was not full, the selection
   * is exhausted, and the backfill's total becomes the jobs it made.
   */
  void recordPage(UUID id, Page page, boolean exhausted, Instant now) {
    jdbc.sql(
            """
            UPDATE backfills SET
                cursor_id = coalesce(?, cursor_id),
                enqueued = enqueued + ?,
                total = CASE WHEN ? THEN enqueued + ? ELSE total END,
                status = CASE WHEN ? THEN 'enqueued' ELSE status END,
                last_enqueued_at = ?,
                updated_at = ?
            WHERE id = ?
            """)
        .param(page.lastId())
        .param(page.made())
        .param(exhausted)
        .param(page.made())
        .param(exhausted)
        .param(timestamp(now))
        .param(timestamp(now))
        .param(id)
        .update();
  }

  private static JdbcClient.StatementSpec withStaleBefore(
      JdbcClient.StatementSpec statement, BackfillSelector selector, Instant staleBefore) {
    return selector == BackfillSelector.STALE
        ? statement.param("staleBefore", timestamp(staleBefore))
        : statement;
  }

  @Override
  public boolean claimIdempotencyKey(String clientId, String key, byte[] requestHash) {
    return jdbc.sql(
                """
                INSERT INTO backfill_idempotency_keys (client_id, idempotency_key, request_hash)
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
  public Optional<IdempotencyKeys.StoredAnswer<BackfillAccepted>> findAnswer(
      String clientId, String key) {
    return jdbc.sql(
            """
            SELECT request_hash, backfill_id FROM backfill_idempotency_keys
            WHERE client_id = ? AND idempotency_key = ? AND backfill_id IS NOT NULL
            """)
        .param(clientId)
        .param(key)
        .query(
            (rs, row) ->
                new IdempotencyKeys.StoredAnswer<>(
                    rs.getBytes("request_hash"),
                    new BackfillAccepted(rs.getObject("backfill_id", UUID.class))))
        .optional();
  }

  @Override
  public void storeAnswer(String clientId, String key, BackfillAccepted answer) {
    jdbc.sql(
            """
            UPDATE backfill_idempotency_keys SET backfill_id = ?
            WHERE client_id = ? AND idempotency_key = ?
            """)
        .param(answer.backfillId())
        .param(clientId)
        .param(key)
        .update();
  }

  @Override
  public int purgeIdempotencyKeys(Instant before, int limit) {
    return jdbc.sql(
            """
            DELETE FROM backfill_idempotency_keys
            WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM backfill_idempotency_keys WHERE created_at < ? LIMIT ?))
            """)
        .param(timestamp(before))
        .param(limit)
        .update();
  }

  private static Backfill backfill(ResultSet rs, int row) throws SQLException {
    return new Backfill(
        rs.getObject("id", UUID.class),
        SyncReason.valueOf(rs.getString("reason")),
        EntityKind.fromApiName(rs.getString("entity_type")).orElseThrow(),
        BackfillSelector.fromApiName(rs.getString("selector")).orElseThrow(),
        instant(rs.getTimestamp("stale_before")),
        rs.getInt("max_per_second"),
        rs.getString("requested_by"),
        rs.getObject("cursor_id", UUID.class),
        instant(rs.getTimestamp("last_enqueued_at")),
        instant(rs.getTimestamp("created_at")));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
