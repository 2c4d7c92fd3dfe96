package io.setsync.api.projector;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.SyncReason;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The set-based SQL of the projector: a poll's job changes take two statements, each entity table's
 * changes one (two for artists and venues: their rows are locked first). Times travel as epoch
 * milliseconds ({@code bigint[]}), which is exact for Avro's timestamp-millis.
 */
@Repository
class ProjectorStore {

  // Inserts jobs not seen before. An outcome that overtook its SyncRequested makes a row whose
  // request facts are placeholders (request_known = false) until the SyncRequested arrives.
  private static final String INSERT_JOBS =
      """
      INSERT INTO sync_jobs (
          id, root_sync_id, parent_sync_id, entity_type, entity_id, request_known, reason,
          spotify_id, ticketmaster_id, skip_dependencies, force_refresh, requested_by,
          requested_at, status, status_rank, status_at, finished_at, error_code, error_message,
          attempts, started_at)
      SELECT v.id, v.root_id, v.parent_id, v.entity_type, v.entity_id, v.request_known,
             coalesce(v.reason, CASE WHEN v.parent_id IS NULL THEN 'USER' ELSE 'CASCADE' END),
             v.spotify_id, v.ticketmaster_id, coalesce(v.skip, false), coalesce(v.force, false),
             v.requested_by,
             timestamptz 'epoch' + v.requested_ms * interval '1 millisecond',
             v.status, v.rank,
             timestamptz 'epoch' + v.status_ms * interval '1 millisecond',
             timestamptz 'epoch' + v.finished_ms * interval '1 millisecond',
             v.error_code, v.error_message, v.attempts,
             timestamptz 'epoch' + v.started_ms * interval '1 millisecond'
      FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::boolean[], ?::text[],
                  ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::text[],
                  ?::bigint[], ?::text[], ?::integer[], ?::bigint[], ?::bigint[], ?::text[],
                  ?::text[], ?::integer[], ?::bigint[])
          AS v(id, root_id, parent_id, entity_type, entity_id, request_known, reason,
               spotify_id, ticketmaster_id, skip, force, requested_by,
               requested_ms, status, rank, status_ms, finished_ms, error_code, error_message,
               attempts, started_ms)
      ON CONFLICT (id) DO NOTHING
      RETURNING id
      """;

  // Merges changes into existing jobs: request facts once known, the highest attempt, the
  // earliest start, and the status only where (rank, time) grows. Every comparison reads the row
  // being updated (j), so a concurrent writer's newer state is re-checked after its lock is
  // released, never overwritten. Rows the change does not alter are not rewritten.
  private static final String JOB_NEWER = "(j.status_rank, j.status_at) < (v.rank, v.status_at)";

  private static final String UPDATE_JOBS =
      """
      UPDATE sync_jobs j SET
          request_known = j.request_known OR v.request_known,
          reason = CASE WHEN v.request_known AND NOT j.request_known THEN v.reason ELSE j.reason END,
          spotify_id = CASE WHEN v.request_known AND NOT j.request_known
                            THEN v.spotify_id ELSE j.spotify_id END,
          ticketmaster_id = CASE WHEN v.request_known AND NOT j.request_known
                                 THEN v.ticketmaster_id ELSE j.ticketmaster_id END,
          skip_dependencies = CASE WHEN v.request_known AND NOT j.request_known
                                   THEN v.skip ELSE j.skip_dependencies END,
          force_refresh = CASE WHEN v.request_known AND NOT j.request_known
                               THEN v.force ELSE j.force_refresh END,
          requested_by = CASE WHEN v.request_known AND NOT j.request_known
                              THEN v.requested_by ELSE j.requested_by END,
          requested_at = CASE WHEN v.request_known AND NOT j.request_known
                              THEN v.requested_at ELSE j.requested_at END,
          attempts = GREATEST(j.attempts, v.attempts),
          started_at = LEAST(j.started_at, v.started_at),
          status = CASE WHEN %1$s THEN v.status ELSE j.status END,
          status_rank = CASE WHEN %1$s THEN v.rank ELSE j.status_rank END,
          status_at = CASE WHEN %1$s THEN v.status_at ELSE j.status_at END,
          finished_at = CASE WHEN %1$s THEN v.finished_at ELSE j.finished_at END,
          error_code = CASE WHEN %1$s THEN v.error_code ELSE j.error_code END,
          error_message = CASE WHEN %1$s THEN v.error_message ELSE j.error_message END,
          updated_at = now()
      FROM (
          SELECT v.id, v.request_known, v.reason, v.spotify_id, v.ticketmaster_id,
                 coalesce(v.skip, false) AS skip, coalesce(v.force, false) AS force,
                 v.requested_by,
                 timestamptz 'epoch' + v.requested_ms * interval '1 millisecond' AS requested_at,
                 v.status, v.rank,
                 timestamptz 'epoch' + v.status_ms * interval '1 millisecond' AS status_at,
                 timestamptz 'epoch' + v.finished_ms * interval '1 millisecond' AS finished_at,
                 v.error_code, v.error_message, v.attempts,
                 timestamptz 'epoch' + v.started_ms * interval '1 millisecond' AS started_at
          FROM unnest(?::uuid[], ?::boolean[], ?::text[], ?::text[], ?::text[],
                      ?::boolean[], ?::boolean[], ?::text[], ?::bigint[], ?::text[],
                      ?::integer[], ?::bigint[], ?::bigint[], ?::text[], ?::text[],
                      ?::integer[], ?::bigint[])
              AS v(id, request_known, reason, spotify_id, ticketmaster_id, skip, force,
                   requested_by, requested_ms, status, rank, status_ms, finished_ms,
                   error_code, error_message, attempts, started_ms)
      ) v
      WHERE j.id = v.id
        AND (%1$s
             OR (v.request_known AND NOT j.request_known)
             OR v.attempts > j.attempts
             OR v.started_at < j.started_at
             OR (j.started_at IS NULL AND v.started_at IS NOT NULL))
      """
          .formatted(JOB_NEWER);

  // The entity's status where (time, rank) grows; last_sync and last_sync_error from its jobs:
  // the latest completion, and the error of the latest finished job (null if it completed). Jobs
  // only finish in changes that say so (job_finished; the jobs were updated just before), so the
  // two lookups into sync_jobs run for those only: for the others they yield null, which keeps the
  // stored values.
  private static final String ENTITY_NEWER =
      """
      (e.sync_status_at IS NULL
       OR (e.sync_status_at,
           CASE e.sync_status WHEN 'queued' THEN 0 WHEN 'syncing' THEN 1 ELSE 2 END)
          < (v.status_at, v.rank))""";

  private static final String UPDATE_ENTITIES =
      """
      UPDATE %1$s e SET
          sync_status = CASE WHEN %3$s THEN v.status ELSE e.sync_status END,
          sync_status_at = CASE WHEN %3$s THEN v.status_at ELSE e.sync_status_at END,
          last_sync = GREATEST(e.last_sync, v.last_completed),
          last_sync_error = CASE WHEN v.finished_status IS NULL THEN e.last_sync_error
                                 ELSE v.finished_error END
      FROM (
          SELECT c.id, c.status, c.rank, c.status_at, f.status AS finished_status,
                 CASE WHEN f.status = 'failed'
                      THEN coalesce(f.error_code, 'INTERNAL') || ': '
                           || coalesce(f.error_message, '') END AS finished_error,
                 CASE WHEN c.job_finished THEN
                     (SELECT max(j.finished_at) FROM sync_jobs j
                      WHERE j.entity_type = '%2$s' AND j.entity_id = c.id
                        AND j.status = 'completed') END AS last_completed
          FROM (
              SELECT v.id, v.status, v.rank, v.job_finished,
                     timestamptz 'epoch' + v.status_ms * interval '1 millisecond' AS status_at
              FROM unnest(?::uuid[], ?::text[], ?::integer[], ?::bigint[], ?::boolean[])
                  AS v(id, status, rank, status_ms, job_finished)
          ) c
          LEFT JOIN LATERAL (
              SELECT j.status, j.error_code, j.error_message
              FROM sync_jobs j
              WHERE c.job_finished AND j.entity_type = '%2$s' AND j.entity_id = c.id
                AND j.status IN ('completed', 'failed')
              ORDER BY j.finished_at DESC NULLS LAST, j.id
              LIMIT 1
          ) f ON true
      ) v
      WHERE e.id = v.id
        AND (%3$s
             OR v.last_completed > e.last_sync
             OR (e.last_sync IS NULL AND v.last_completed IS NOT NULL)
             OR (v.finished_status IS NOT NULL
                 AND e.last_sync_error IS DISTINCT FROM v.finished_error))
      """;

  // Artist and venue rows are locked first, in the order the workers write them (Ticketmaster id,
  // then id), so that this update and a worker's batch cannot deadlock: the update alone takes
  // rows in its join's order. Shows are left out: a show's sync has upserted it before its outcome
  // is sent, so the two meet only when another artist's poll lists the same event, no deadlock
  // showed in the benchmark, and locking ~30 k show rows a run first would cost a write each.
  private static final String LOCK_ENTITIES =
      """
      SELECT id FROM %1$s WHERE id = ANY (?::uuid[]) ORDER BY ticketmaster_id, id FOR UPDATE
      """;

  private final JdbcClient jdbc;

  ProjectorStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies the job changes; returns how many rows were inserted or changed. */
  int applyJobs(List<Projection.JobChange> changes) {
    if (changes.isEmpty()) {
      return 0;
    }
    Set<UUID> inserted = new HashSet<>(insertJobs(changes));
    List<Projection.JobChange> existing =
        changes.stream().filter(change -> !inserted.contains(change.syncId())).toList();
    return inserted.size() + (existing.isEmpty() ? 0 : updateJobs(existing));
  }

  private List<UUID> insertJobs(List<Projection.JobChange> c) {
    return jdbc.sql(INSERT_JOBS)
        .param(array("uuid", c, Projection.JobChange::syncId))
        .param(array("uuid", c, Projection.JobChange::rootSyncId))
        .param(array("uuid", c, Projection.JobChange::parentSyncId))
        .param(array("text", c, change -> change.entityKind().apiName()))
        .param(array("uuid", c, Projection.JobChange::entityId))
        .param(array("boolean", c, change -> change.request() != null))
        .param(array("text", c, change -> reason(change.request())))
        .param(array("text", c, change -> request(change, StatusEvent.Request::spotifyId)))
        .param(array("text", c, change -> request(change, StatusEvent.Request::ticketmasterId)))
        .param(
            array("boolean", c, change -> request(change, StatusEvent.Request::skipDependencies)))
        .param(array("boolean", c, change -> request(change, StatusEvent.Request::forceRefresh)))
        .param(array("text", c, change -> request(change, StatusEvent.Request::requestedBy)))
        .param(array("bigint", c, change -> millis(change.requestedAt())))
        .param(array("text", c, Projection.JobChange::status))
        .param(array("integer", c, Projection.JobChange::rank))
        .param(array("bigint", c, change -> millis(change.statusAt())))
        .param(array("bigint", c, change -> millis(change.finishedAt())))
        .param(array("text", c, Projection.JobChange::errorCode))
        .param(array("text", c, Projection.JobChange::errorMessage))
        .param(array("integer", c, Projection.JobChange::attempts))
        .param(array("bigint", c, change -> millis(change.startedAt())))
        .query((rs, row) -> rs.getObject("id", UUID.class))
        .list();
  }

  private int updateJobs(List<Projection.JobChange> c) {
    return jdbc.sql(UPDATE_JOBS)
        .param(array("uuid", c, Projection.JobChange::syncId))
        .param(array("boolean", c, change -> change.request() != null))
        .param(array("text", c, change -> reason(change.request())))
        .param(array("text", c, change -> request(change, StatusEvent.Request::spotifyId)))
        .param(array("text", c, change -> request(change, StatusEvent.Request::ticketmasterId)))
        .param(
            array("boolean", c, change -> request(change, StatusEvent.Request::skipDependencies)))
        .param(array("boolean", c, change -> request(change, StatusEvent.Request::forceRefresh)))
        .param(array("text", c, change -> request(change, StatusEvent.Request::requestedBy)))
        .param(array("bigint", c, change -> millis(change.requestedAt())))
        .param(array("text", c, Projection.JobChange::status))
        .param(array("integer", c, Projection.JobChange::rank))
        .param(array("bigint", c, change -> millis(change.statusAt())))
        .param(array("bigint", c, change -> millis(change.finishedAt())))
        .param(array("text", c, Projection.JobChange::errorCode))
        .param(array("text", c, Projection.JobChange::errorMessage))
        .param(array("integer", c, Projection.JobChange::attempts))
        .param(array("bigint", c, change -> millis(change.startedAt())))
        .update();
  }

  /** Applies the entity changes of one kind; returns how many rows changed. */
  int applyEntities(EntityKind kind, List<Projection.EntityChange> c) {
    if (c.isEmpty()) {
      return 0;
    }
    // Table and type names come from the enum, never from input.
    if (kind != EntityKind.SHOW) {
      jdbc.sql(LOCK_ENTITIES.formatted(kind.table()))
          .param(array("uuid", c, Projection.EntityChange::entityId))
          .query(UUID.class)
          .list();
    }
    return jdbc.sql(UPDATE_ENTITIES.formatted(kind.table(), kind.apiName(), ENTITY_NEWER))
        .param(array("uuid", c, Projection.EntityChange::entityId))
        .param(array("text", c, Projection.EntityChange::status))
        .param(array("integer", c, Projection.EntityChange::rank))
        .param(array("bigint", c, change -> millis(change.statusAt())))
        .param(array("boolean", c, Projection.EntityChange::jobFinished))
        .update();
  }

  private static <T> SqlArrayValue array(String type, List<T> rows, Function<T, ?> column) {
    return new SqlArrayValue(type, rows.stream().map(column).toArray());
  }

  private static <T> T request(
      Projection.JobChange change, Function<StatusEvent.Request, T> field) {
    return change.request() == null ? null : field.apply(change.request());
  }

  private static String reason(StatusEvent.Request request) {
    SyncReason reason = request == null ? null : request.reason();
    return reason == null ? null : reason.name();
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
