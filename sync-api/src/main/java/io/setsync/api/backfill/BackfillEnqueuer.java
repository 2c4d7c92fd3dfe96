package io.setsync.api.backfill;

import io.setsync.api.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
  private final Duration backlog;

  BackfillEnqueuer(
      BackfillStore store,
      Outbox outbox,
      TransactionTemplate transactions,
      Clock clock,
      @Value("${setsync.api.backfill-backlog:1m}") Duration backlog) {
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.backlog = backlog;
  }

  @Scheduled(
      fixedDelayString = "${setsync.api.backfill-tick:1s}",
      initialDelayString = "${setsync.api.backfill-tick:1s}")
  void tick() {
    long made = enqueueDuePages();
    if (made > 0) {
      log.debug("Backfills enqueued {} jobs", made);
    }
  }

  /**
   * One page for each backfill that may make jobs now, up to {@link #BACKFILLS_PER_TICK}, each in a
   * transaction of its own (a failing one fails alone); returns the jobs made.
   */
  long enqueueDuePages() {
    // Milliseconds, as the events carry them: a job's requested_at is its SyncRequested's
    // occurredAt.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Set<UUID> done = new HashSet<>();
    long made = 0;
    for (int i = 0; i < BACKFILLS_PER_TICK; i++) {
      try {
        Long page = transactions.execute(status -> nextPage(done, now));
        if (page == null) {
          break;
        }
        made += page;
      } catch (RuntimeException e) {
        log.warn("Enqueuing backfill jobs failed, next try at the next tick: {}", e.toString());
      }
    }
    return made;
  }

  /** A page of the next backfill; null when no backfill is left to serve in this tick. */
  private Long nextPage(Set<UUID> done, Instant now) {
    Optional<BackfillStore.Backfill> next = store.lockNextEnqueuing(done);
    if (next.isEmpty()) {
      return null;
    }
    BackfillStore.Backfill backfill = next.get();
    done.add(backfill.id());
    int allowance = allowance(backfill, now);
    if (allowance < 1 || backlogFull(backfill)) {
      return 0L;
    }
    BackfillStore.Page page = store.enqueuePage(backfill, allowance, now);
    // The page takes up to allowance entities that match: fewer means none are left after it.
    boolean exhausted = page.picked() < allowance;
    store.recordPage(backfill.id(), page, exhausted, now);
    if (page.made() > 0) {
      outbox.wakeRelayAfterCommit();
    }
    if (exhausted) {
      log.info("Backfill {}: every job made", backfill.id());
    }
    return page.made();
  }

  /**
   * Whether the backfill's jobs not finished yet are already {@code backlog} worth at its rate: the
   * workers serve the replay topics at their own pace, and jobs queued far beyond it would only
   * wait, and might time out before they ran.
   */
  private boolean backlogFull(BackfillStore.Backfill backfill) {
    long limit = Math.max(1, backfill.maxPerSecond() * backlog.toMillis() / 1000);
    return store.unfinishedJobs(backfill.id()) >= limit;
  }

  /** Jobs the backfill may make now: its rate times the time since its last page, 1 s at most. */
  static int allowance(BackfillStore.Backfill backfill, Instant now) {
    Instant since =
        backfill.lastEnqueuedAt() != null ? backfill.lastEnqueuedAt() : now.minusSeconds(1);
    long elapsedMillis = Math.min(1000, Math.max(0, Duration.between(since, now).toMillis()));
    return (int) (backfill.maxPerSecond() * elapsedMillis / 1000);
  }
}
