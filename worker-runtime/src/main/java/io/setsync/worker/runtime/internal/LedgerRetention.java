package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.WorkerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Deletes the worker's own ledger rows once they are older than {@code ledger.retention}, on a
 * timer of its own (the runtime does not ask the application to enable scheduling). Safe on every
 * instance: each batch skips rows another instance is deleting. A failed purge is tried again at
 * the next interval; rows kept a little longer harm nothing.
 */
class LedgerRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LedgerRetention.class);
  static final int BATCH = 5000;

  private final SyncLedger ledger;
  private final EntityKind entity;
  private final WorkerSettings.Ledger settings;
  private final WorkerMetrics metrics;
  private final Clock clock;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private volatile boolean running;

  LedgerRetention(
      SyncLedger ledger,
      EntityKind entity,
      WorkerSettings.Ledger settings,
      WorkerMetrics metrics,
      Clock clock) {
    this.ledger = ledger;
    this.entity = entity;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    scheduler.setThreadNamePrefix("setsync-ledger-");
  }

  /** Deletes every row older than the retention, batch by batch; returns how many. */
  int purge() {
    Instant before = clock.instant().minus(settings.retention());
    int total = 0;
    try {
      int deleted;
      do {
        deleted = ledger.purge(entity, before, BATCH);
        total += deleted;
        metrics.ledgerPurged(deleted);
      } while (deleted == BATCH && running);
    } catch (RuntimeException e) {
      log.warn(
          "Purging the ledger failed, next try in {}: {}", settings.purgeInterval(), e.toString());
    }
    if (total > 0) {
      log.info("Purged {} ledger rows older than {}", total, settings.retention());
    }
    return total;
  }

  @Override
  public void start() {
    running = true;
    scheduler.initialize();
    Duration interval = settings.purgeInterval();
    scheduler.scheduleWithFixedDelay(this::purge, clock.instant().plus(interval), interval);
  }

  @Override
  public void stop() {
    running = false;
    scheduler.shutdown();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
