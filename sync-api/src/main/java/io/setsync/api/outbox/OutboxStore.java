package io.setsync.api.outbox;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.SyncReason;
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

/**
 * The relay's SQL on the outbox table. Rows are inserted by the features that write the jobs (see
 * {@link Outbox}).
 */
@Repository
class OutboxStore {

  // pg_try_advisory_xact_lock(namespace, id): the two-int key space, apart from entity locks.
  private static final int LOCK_NAMESPACE = 0x5e75c;
  private static final int RELAY_LOCK = 1;

  private final JdbcClient jdbc;

  OutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Backlog(long rows, Optional<Instant> oldest) {}

  /**
   * Makes this transaction the only relay round of all instances; false if another one runs. One
   * round at a time keeps the per-entity order across instances.
   *
   * <p>The round commits without waiting for its WAL flush ({@code synchronous_commit} off for this
   * transaction only): all it writes is the deletion of rows Kafka has acknowledged, and if a crash
   * loses that deletion the rows are published again, which consumers already take (at least once,
   * deduplicated by syncId) as they take a relay crash between the acknowledgement and the commit.
   */
  boolean tryLockRelay() {
    return Boolean.TRUE.equals(
        jdbc.sql(
                """
                SELECT pg_try_advisory_xact_lock(?, ?)
                       AND set_config('synchronous_commit', 'off', true) = 'off'
                """)
            .param(LOCK_NAMESPACE)
            .param(RELAY_LOCK)
            .query(Boolean.class)
            .single());
  }

  /** The oldest rows, locked until the transaction ends; locked rows are skipped. */
  List<PendingEvent> lockOldest(int limit) {
    return jdbc.sql(
            """
            SELECT o.id, o.event_id, o.topic, o.message_key,
                   j.id AS sync_id, j.root_sync_id, j.parent_sync_id, j.entity_type, j.entity_id,
                   j.requested_at, j.spotify_id, j.ticketmaster_id, j.reason,
                   j.skip_dependencies, j.force_refresh, j.requested_by,
                   j.error_message, j.attempts, j.finished_at
            FROM sync_outbox o
            JOIN sync_jobs j ON j.id = o.sync_id
            ORDER BY o.id
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED
            """)
        .param(limit)
        .query(OutboxStore::pendingEvent)
        .list();
  }

  int delete(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql("DELETE FROM sync_outbox WHERE id = ANY (?)")
        .param(new SqlArrayValue("bigint", ids.toArray()))
        .update();
  }

  Backlog backlog() {
    return jdbc.sql("SELECT count(*) AS n, min(created_at) AS oldest FROM sync_outbox")
        .query(
            (rs, row) -> {
              Timestamp oldest = rs.getTimestamp("oldest");
              return new Backlog(
                  rs.getLong("n"), Optional.ofNullable(oldest).map(Timestamp::toInstant));
            })
        .single();
  }

  private static PendingEvent pendingEvent(ResultSet rs, int row) throws SQLException {
    return new PendingEvent(
        rs.getLong("id"),
        rs.getObject("event_id", UUID.class),
        rs.getString("topic"),
        rs.getString("message_key"),
        rs.getObject("sync_id", UUID.class),
        rs.getObject("root_sync_id", UUID.class),
        rs.getObject("parent_sync_id", UUID.class),
        EntityKind.fromApiName(rs.getString("entity_type")).orElseThrow(),
        rs.getObject("entity_id", UUID.class),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("spotify_id"),
        rs.getString("ticketmaster_id"),
        SyncReason.valueOf(rs.getString("reason")),
        rs.getBoolean("skip_dependencies"),
        rs.getBoolean("force_refresh"),
        rs.getString("requested_by"),
        rs.getString("error_message"),
        rs.getInt("attempts"),
        Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant).orElse(null));
  }
}
