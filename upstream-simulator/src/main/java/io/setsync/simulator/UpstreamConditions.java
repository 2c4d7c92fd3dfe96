package io.setsync.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults in force for one upstream. The rate limit is a token bucket holding one second of
 * requests, so a client pacing itself at the same rate never sees a 429.
 */
final class UpstreamConditions {

  private volatile Faults faults = Faults.NONE;
  private final AtomicLong requests = new AtomicLong();
  private double tokens;
  private long refilledAt = System.nanoTime();

  synchronized void apply(Faults next) {
    faults = next;
    tokens = Math.max(1, next.ratePerSecond());
    refilledAt = System.nanoTime();
    requests.set(0);
  }

  Faults faults() {
    return faults;
  }

  /** 0 when a request may go ahead, otherwise the whole seconds to wait before retrying. */
  synchronized long throttle() {
    double rate = faults.ratePerSecond();
    if (rate <= 0) {
      return 0;
    }
    long now = System.nanoTime();
    tokens = Math.min(Math.max(1, rate), tokens + (now - refilledAt) / 1e9 * rate);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
  }

  /**
   * Whether this request gets the injected error: exactly {@code errorRate} of them do, the first
   * request after the faults were set among them.
   */
  boolean injectError() {
    double rate = faults.errorRate();
    if (rate <= 0) {
      return false;
    }
    long n = requests.getAndIncrement();
    return Math.ceil((n + 1) * rate) > Math.ceil(n * rate);
  }
}
