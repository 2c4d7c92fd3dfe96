package io.setsync.simulator;

/**
 * Conditions imposed on one upstream: added latency, a share of requests answered with {@code
 * errorStatus}, and a rate limit answered by 429 with {@code Retry-After} (0 means none). Injected
 * errors are spread evenly over the requests rather than drawn at random, so a test sees the same
 * sequence every run: with {@code errorRate} 0.5 every second request fails.
 */
public record Faults(long latencyMs, double errorRate, int errorStatus, double ratePerSecond) {

  public static final Faults NONE = new Faults(0, 0, 500, 0);

  public Faults {
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative");
    }
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("errorRate must be between 0 and 1");
    }
    if (errorStatus < 400 || errorStatus > 599) {
      throw new IllegalArgumentException("errorStatus must be a 4xx or 5xx status");
    }
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("ratePerSecond must not be negative");
    }
  }

  public static Faults latency(long latencyMs) {
    return new Faults(latencyMs, 0, 500, 0);
  }

  public static Faults errors(double errorRate, int errorStatus) {
    return new Faults(0, errorRate, errorStatus, 0);
  }

  public static Faults rateLimit(double ratePerSecond) {
    return new Faults(0, 0, 500, ratePerSecond);
  }
}
