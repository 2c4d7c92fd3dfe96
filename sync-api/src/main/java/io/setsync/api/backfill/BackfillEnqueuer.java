package io.setsync.api.backfill;

import io.setsync.api.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the jobs of the backfills still enqueuing, a page per backfill per tick, each page at most
 * {@code maxPerSecond} times the time since the backfill's last page (one second's worth at most),
 * so no backfill goes faster than asked on average, however many sync-api instances tick. A
 * backfill is locked while its page is made; another instance skips it. Jobs and outbox rows commit
 * together, and the relay publishes them to {@code sync.replay.<entity>}, where the workers take
 * them after live requests.
 */
@Component
class BackfillEnqueuer {

  private static final Logger log = LoggerFactory.getLogger(BackfillEnqueuer.class);
  private static final int BACKFILLS_PER_TICK = 10;

  private final BackfillStore store;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;

  BackfillEnqueuer(
      BackfillStore store, Outbox outbox, TransactionTemplate transactions, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${setsync.api.backfill-tick:1s}",
      initialDelayString = "${setsync.api.backfill-tick:1s}")
  void tick() {
    try {
      Long made = transactions.execute(status -> enqueueDuePages());
      if (made != null && made > 0) {
        log.debug("Backfills enqueued {} jobs", made);
      }
    } catch (RuntimeException e) {
      log.warn("Enqueuing backfill jobs failed, next try at the next tick: {}", e.toString());
    }
  }

  /** One page for each backfill that may make jobs now; returns the jobs made. */
  long enqueueDuePages() {
    // Milliseconds, as the events carry them: a job's requested_at is its SyncRequested's
    // occurredAt.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long made = 0;
    List<BackfillStore.Backfill> backfills = store.lockEnqueuing(BACKFILLS_PER_TICK);
    for (BackfillStore.Backfill backfill : backfills) {
      int allowance = allowance(backfill, now);
      if (allowance < 1) {
        continue;
      }
      BackfillStore.Page page = store.enqueuePage(backfill, allowance, now);
      // The page takes up to allowance entities that match: fewer means none are left after it.
      boolean exhausted = page.picked() < allowance;
      store.recordPage(backfill.id(), page, exhausted, now);
      made += page.made();
      if (exhausted) {
        log.info("Backfill {}: every job made", backfill.id());
      }
    }
    if (made > 0) {
      outbox.wakeRelayAfterCommit();
    }
    return made;
  }

  /** Jobs the backfill may make now: its rate times the time since its last page, 1 s at most. */
  static int allowance(BackfillStore.Backfill backfill, Instant now) {
    Instant since =
        backfill.lastEnqueuedAt() != null ? backfill.lastEnqueuedAt() : now.minusSeconds(1);
    long elapsedMillis = Math.min(1000, Math.max(0, Duration.between(since, now).toMillis()));
    return (int) (backfill.maxPerSecond() * elapsedMillis / 1000);
  }
}
