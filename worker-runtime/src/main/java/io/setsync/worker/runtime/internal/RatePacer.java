package io.setsync.worker.runtime.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Caps a listener's records per second across its threads: each batch reserves its share of time,
 * and waits until its reserved slot starts. Waits in short steps so that a stopping listener does
 * not hang on it.
 */
class RatePacer {

  private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final double nanosPerRecord;
  private long nextFreeNanos = System.nanoTime();

  /**
   * @param perSecond records per second; 0 or less for no cap
   */
  RatePacer(double perSecond) {
    this.nanosPerRecord = perSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / perSecond : 0;
  }

  boolean capped() {
    return nanosPerRecord > 0;
  }

  /** The delay until {@code records} may start, reserving their slot. */
  synchronized Duration reserve(int records) {
    long now = System.nanoTime();
    long start = Math.max(now, nextFreeNanos);
    nextFreeNanos = start + (long) (nanosPerRecord * records);
    return Duration.ofNanos(start - now);
  }

  /** Waits for the slot of {@code records}, unless {@code running} turns false first. */
  void await(int records, BooleanSupplier running) {
    if (!capped()) {
      return;
    }
    long until = System.nanoTime() + reserve(records).toNanos();
    long left;
    while ((left = until - System.nanoTime()) > 0 && running.getAsBoolean()) {
      LockSupport.parkNanos(Math.min(left, STEP_NANOS));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
