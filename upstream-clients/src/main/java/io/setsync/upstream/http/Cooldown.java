package io.setsync.upstream.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * After a 429 every caller of that upstream holds off until the time it named, not just the caller
 * that received it: otherwise the others keep drawing 429s.
 */
final class Cooldown {

  private final AtomicLong untilNanos = new AtomicLong(System.nanoTime());

  void extend(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    untilNanos.accumulateAndGet(until, (a, b) -> a - b > 0 ? a : b);
  }

  Duration remaining() {
    long left = untilNanos.get() - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  void await() throws InterruptedException {
    long left;
    while ((left = untilNanos.get() - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
