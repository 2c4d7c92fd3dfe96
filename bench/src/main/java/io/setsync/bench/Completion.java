package io.setsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until every job created since a start time is terminal, cascades included: the job count
 * must stop growing and nothing may be queued or running.
 */
final class Completion {

  private static final Duration POLL = Duration.ofMillis(500);

  private final JobBoard board;

  Completion(JobBoard board) {
    this.board = board;
  }

  record Finished(JobBoard.Counts counts, Instant at) {}

  Finished await(Instant since, long atLeastJobs, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    long lastTotal = -1;
    while (Instant.now().isBefore(deadline)) {
      // The full count scans every job of the run: only once nothing is visibly unfinished.
      if (board.unfinishedSince(since) > 0) {
        lastTotal = -1;
        LockSupport.parkNanos(POLL.toNanos());
        continue;
      }
      JobBoard.Counts counts = board.since(since);
      long total = counts.terminalTotal();
      if (counts.unfinished() == 0 && total >= atLeastJobs && total == lastTotal) {
        return new Finished(counts, Instant.now());
      }
      lastTotal = counts.unfinished() == 0 ? total : -1;
      // The measured end is the projector's last finished_at, not when a poll saw it: polling
      // rarely costs no precision and keeps the count's table scan out of the measurement.
      LockSupport.parkNanos(POLL.toNanos());
    }
    JobBoard.Counts counts = board.since(since);
    throw new IllegalStateException(
        "Jobs not terminal within "
            + timeout
            + ": "
            + counts.unfinished()
            + " unfinished, "
            + counts.terminalTotal()
            + " terminal");
  }
}
