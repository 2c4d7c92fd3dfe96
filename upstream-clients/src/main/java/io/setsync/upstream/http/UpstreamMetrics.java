package io.setsync.upstream.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Per upstream and endpoint: {@code setsync.upstream.requests} (timer: count and latency, by
 * status), {@code setsync.upstream.rate.limited} (429s received), {@code setsync.upstream.retries},
 * {@code setsync.upstream.not.modified}; per upstream the gauges {@code
 * setsync.upstream.quota.remaining} (the upstream's {@code Rate-Limit-Available}) and {@code
 * setsync.upstream.limiter.permits} (the client's own limiter).
 */
final class UpstreamMetrics {

  private final MeterRegistry registry;
  private final String upstream;
  private final AtomicLong quotaRemaining = new AtomicLong(-1);

  UpstreamMetrics(MeterRegistry registry, String upstream, Supplier<Number> permits) {
    this.registry = registry;
    this.upstream = upstream;
    Gauge.builder(
            "setsync.upstream.quota.remaining",
            quotaRemaining,
            q -> q.get() < 0 ? Double.NaN : q.get())
        .tag("upstream", upstream)
        .description("Calls left in the upstream's quota, as it last reported")
        .strongReference(true)
        .register(registry);
    Gauge.builder("setsync.upstream.limiter.permits", permits)
        .tag("upstream", upstream)
        .description("Permits the client-side rate limiter has available now")
        .strongReference(true)
        .register(registry);
  }

  void request(String endpoint, String status, long startNanos) {
    Timer.builder("setsync.upstream.requests")
        .tags("upstream", upstream, "endpoint", endpoint, "status", status)
        .description("Calls to an upstream API")
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  void rateLimited(String endpoint) {
    counter("setsync.upstream.rate.limited", endpoint).increment();
  }

  void retry(String endpoint) {
    counter("setsync.upstream.retries", endpoint).increment();
  }

  void notModified(String endpoint) {
    counter("setsync.upstream.not.modified", endpoint).increment();
  }

  void quota(HttpHeaders headers) {
    headers
        .firstValue("Rate-Limit-Available")
        .ifPresent(
            value -> {
              try {
                quotaRemaining.set(Long.parseLong(value.trim()));
              } catch (NumberFormatException ignored) {
                // a malformed header says nothing about the quota
              }
            });
  }

  private Counter counter(String name, String endpoint) {
    return Counter.builder(name)
        .tags("upstream", upstream, "endpoint", endpoint)
        .register(registry);
  }
}
