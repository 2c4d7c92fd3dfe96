package io.setsync.api.backfill;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.SyncReason;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the catalog fresh without anyone asking: every {@code interval}, for each entity type, a
 * run (a backfill with reason {@code SCHEDULED}, selector stale) of the entities not synced for
 * {@code staleAfter}, made by {@link BackfillEnqueuer} onto {@code sync.replay.*} at {@code
 * maxPerSecond}. One run per type and interval across all instances: the run is created under a
 * transaction-scoped advisory lock, and only if no run of the type was created within the interval
 * or is still making jobs. {@code GET /api/v1/backfills/{id}} shows a run like any backfill.
 */
@Component
@ConditionalOnBooleanProperty(name = "setsync.api.scheduled-refresh.enabled", matchIfMissing = true)
class ScheduledRefresh {

  static final String REQUESTED_BY = "sync-api (scheduled refresh)";
  private static final Logger log = LoggerFactory.getLogger(ScheduledRefresh.class);

  private final BackfillStore store;
  private final ScheduledRefreshSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ScheduledRefresh(
      BackfillStore store,
      ScheduledRefreshSettings settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${setsync.api.scheduled-refresh.interval:1h}",
      initialDelayString = "${setsync.api.scheduled-refresh.interval:1h}")
  void tick() {
    for (EntityKind kind : EntityKind.values()) {
      try {
        transactions.executeWithoutResult(status -> startRun(kind));
      } catch (RuntimeException e) {
        log.warn("Starting the scheduled refresh of {}s failed: {}", kind.apiName(), e.toString());
      }
    }
  }

  /** Starts a run for the entity type unless one is due later; returns its id or null. */
  UUID startRun(EntityKind kind) {
    if (!store.lockScheduledRuns(kind)) {
      return null;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // A little under the interval, so that a tick a few ms early still starts its run.
    Instant recent = now.minus(settings.interval().multipliedBy(9).dividedBy(10));
    if (store.hasScheduledRunSince(kind, recent)) {
      return null;
    }
    Instant staleBefore = now.minus(settings.staleAfter());
    BackfillStore.Backfill run =
        BackfillStore.Backfill.starting(
            SyncReason.SCHEDULED,
            kind,
            BackfillSelector.STALE,
            staleBefore,
            settings.maxPerSecond(),
            REQUESTED_BY,
            now);
    long total = store.count(kind, BackfillSelector.STALE, staleBefore);
    if (total == 0) {
      return null;
    }
    store.create(run, total);
    log.info(
        "Scheduled refresh {}: {} {}s not synced since {}, at most {}/s",
        run.id(),
        total,
        kind.apiName(),
        staleBefore,
        settings.maxPerSecond());
    return run.id();
  }
}
