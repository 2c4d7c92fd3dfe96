package io.setsync.api.status;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads jobs, their descendants' progress and entities' sync columns. */
@Repository
class StatusStore {

  private final JdbcClient jdbc;

  StatusStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A job row as stored, before lineage decides its shown status. */
  record Job(
      UUID syncId,
      String entityType,
      UUID entityId,
      JobStatus status,
      String reason,
      Instant requestedAt,
      Instant startedAt,
      Instant finishedAt,
      int attempts,
      String errorCode,
      String errorMessage,
      UUID parentSyncId,
      UUID rootSyncId) {}

  record Descendants(int total, int completed, int failed, int pending, Instant lastFinished) {}

  Optional<Job> findJob(UUID syncId) {
    return jdbc.sql(
            """
            SELECT id, entity_type, entity_id, status, reason, requested_at, started_at,
                   finished_at, attempts, error_code, error_message, parent_sync_id, root_sync_id
            FROM sync_jobs
            WHERE id = ?
            """)
        .param(syncId)
        .query(StatusStore::job)
        .optional();
  }

  /** Counts every job below this one in the cascade (children, their children, …). */
  Descendants descendants(UUID syncId) {
    return jdbc.sql(
            """
            WITH RECURSIVE below (id, status, finished_at, depth) AS (
                SELECT id, status, finished_at, 1 FROM sync_jobs WHERE parent_sync_id = :id
                UNION ALL
                SELECT j.id, j.status, j.finished_at, b.depth + 1
                FROM sync_jobs j JOIN below b ON j.parent_sync_id = b.id
                WHERE b.depth < 16
            )
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE status = 'completed') AS completed,
                   count(*) FILTER (WHERE status = 'failed') AS failed,
                   count(*) FILTER (WHERE status IN ('queued', 'running')) AS pending,
                   max(finished_at) AS last_finished
            FROM below
            """)
        .param("id", syncId)
        .query(
            (rs, row) ->
                new Descendants(
                    rs.getInt("total"),
                    rs.getInt("completed"),
                    rs.getInt("failed"),
                    rs.getInt("pending"),
                    instant(rs.getTimestamp("last_finished"))))
        .single();
  }

  Optional<EntitySyncStatusView> findEntityStatus(EntityKind kind, UUID id) {
    // The table name comes from the enum, never from input.
    return jdbc.sql(
            """
            SELECT id, sync_status, last_sync, last_sync_error FROM %s WHERE id = ?
            """
                .formatted(kind.table()))
        .param(id)
        .query(
            (rs, row) ->
                new EntitySyncStatusView(
                    rs.getObject("id", UUID.class),
                    rs.getString("sync_status"),
                    instant(rs.getTimestamp("last_sync")),
                    rs.getString("last_sync_error")))
        .optional();
  }

  private static Job job(ResultSet rs, int row) throws SQLException {
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("entity_type"),
        rs.getObject("entity_id", UUID.class),
        JobStatus.of(rs.getString("status")),
        rs.getString("reason"),
        instant(rs.getTimestamp("requested_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getInt("attempts"),
        rs.getString("error_code"),
        rs.getString("error_message"),
        rs.getObject("parent_sync_id", UUID.class),
        rs.getObject("root_sync_id", UUID.class));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
