package io.setsync.api.projector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.api.outbox.Outbox;
import io.setsync.api.sync.EntityKind;
import io.setsync.schemas.topic.Topics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails jobs stuck in {@code queued} or {@code running} past the timeout with TIMED_OUT, in
 * batches. {@code FOR UPDATE SKIP LOCKED} lets every instance sweep at once without doing the same
 * job twice. A real outcome that arrives later still wins (see the ranks in 003-sync-api.sql). Each
 * timed-out job's SyncFailed ({@code TIMED_OUT}, final) goes to {@code sync.outcomes} through the
 * outbox, written by the statement that fails the job, so downstream services see every job end;
 * the projector skips it (see {@link StatusEvents#isOwnEvent}).
 */
@Component
class JobTimeouts {

  private static final Logger log = LoggerFactory.getLogger(JobTimeouts.class);

  private final JdbcClient jdbc;
  private final ProjectorStore store;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final ProjectorSettings settings;
  private final Clock clock;
  private final Counter timedOut;

  JobTimeouts(
      JdbcClient jdbc,
      ProjectorStore store,
      Outbox outbox,
      TransactionTemplate transactions,
      ProjectorSettings settings,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
    this.timedOut =
        Counter.builder("setsync.jobs.timed.out")
            .description("Jobs failed with TIMED_OUT by the sweeper")
            .register(meters);
  }

  record Stuck(EntityKind kind, UUID entityId, Instant since) {}

  @Scheduled(
      fixedDelayString = "${setsync.projector.sweep-interval:30s}",
      initialDelayString = "${setsync.projector.sweep-interval:30s}")
  void sweep() {
    try {
      int swept;
      do {
        swept = sweepOnce();
      } while (swept == settings.sweepBatchSize());
    } catch (RuntimeException e) {
      log.warn("Sweeping timed-out jobs failed, next try in {}", settings.sweepInterval(), e);
    }
  }

  /** One batch in one transaction; returns how many jobs timed out. */
  int sweepOnce() {
    Integer count = transactions.execute(status -> sweepLocked());
    return count == null ? 0 : count;
  }

  private int sweepLocked() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant cutoff = now.minus(settings.jobTimeout());
    List<Stuck> stuck =
        jdbc.sql(
                """
                WITH stuck AS (
                    SELECT id, status_at FROM sync_jobs
                    WHERE status IN ('queued', 'running') AND status_at < :cutoff
                    ORDER BY status_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED),
                failed AS (
                    UPDATE sync_jobs j
                    SET status = 'failed', status_rank = :rank, status_at = :now,
                        finished_at = :now, error_code = 'TIMED_OUT', error_message = :message,
                        updated_at = now()
                    FROM stuck
                    WHERE j.id = stuck.id
                    RETURNING j.id, j.entity_type, j.entity_id, stuck.status_at AS stuck_since),
                announced AS (
                    INSERT INTO sync_outbox (event_id, sync_id, topic, message_key)
                    SELECT gen_random_uuid(), failed.id, :topic, failed.entity_id::text
                    FROM failed)
                SELECT entity_type, entity_id, stuck_since FROM failed
                """)
            .param("cutoff", Timestamp.from(cutoff))
            .param("limit", settings.sweepBatchSize())
            .param("rank", StatusEvent.RANK_TIMED_OUT)
            .param("now", Timestamp.from(now))
            .param("topic", Topics.OUTCOMES.name())
            .param(
                "message",
                "No progress for "
                    + settings.jobTimeout().toSeconds()
                    + " s while queued or running")
            .query(
                (rs, row) ->
                    new Stuck(
                        EntityKind.fromApiName(rs.getString("entity_type")).orElseThrow(),
                        rs.getObject("entity_id", UUID.class),
                        rs.getTimestamp("stuck_since").toInstant()))
            .list();
    if (stuck.isEmpty()) {
      return 0;
    }
    outbox.wakeRelayAfterCommit();
    for (EntityKind kind : EntityKind.values()) {
      // The entity fails as of the job's last real event (ranked after it), so that any later
      // real event of the entity still wins.
      Map<UUID, Instant> since = new HashMap<>();
      stuck.stream()
          .filter(s -> s.kind() == kind)
          .forEach(s -> since.merge(s.entityId(), s.since(), (a, b) -> a.isAfter(b) ? a : b));
      if (since.isEmpty()) {
        continue;
      }
      stillActive(kind, since.keySet()).forEach(since::remove);
      store.applyEntities(
          kind,
          since.entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(
                  e ->
                      new Projection.EntityChange(
                          kind, e.getKey(), "failed", 2, e.getValue(), true))
              .toList());
    }
    timedOut.increment(stuck.size());
    log.info(
        "Failed {} jobs stuck for more than {} with TIMED_OUT",
        stuck.size(),
        settings.jobTimeout());
    return stuck.size();
  }

  // An entity with another queued or running job keeps that job's status.
  private List<UUID> stillActive(EntityKind kind, Set<UUID> ids) {
    return jdbc.sql(
            """
            SELECT DISTINCT entity_id FROM sync_jobs
            WHERE entity_type = ? AND entity_id = ANY (?) AND status IN ('queued', 'running')
            """)
        .param(kind.apiName())
        .param(new SqlArrayValue("uuid", ids.toArray()))
        .query((rs, row) -> rs.getObject("entity_id", UUID.class))
        .list();
  }
}
