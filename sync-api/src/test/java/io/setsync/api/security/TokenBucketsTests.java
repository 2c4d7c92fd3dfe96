package io.setsync.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTests {

  private final AtomicLong nanos = new AtomicLong();
  private final TokenBuckets buckets = new TokenBuckets(10, 5, Duration.ofMinutes(1), nanos::get);

  @Test
  void allowsABurstThenTellsHowLongToWait() {
    for (int i = 0; i < 5; i++) {
      assertThat(buckets.tryAcquire("a")).isZero();
    }

    Duration wait = buckets.tryAcquire("a");

    assertThat(wait).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void refillsAtTheRateAndKeepsClientsApart() {
    for (int i = 0; i < 5; i++) {
      buckets.tryAcquire("a");
    }

    nanos.addAndGet(Duration.ofMillis(100).toNanos());

    assertThat(buckets.tryAcquire("a")).isZero();
    assertThat(buckets.tryAcquire("a")).isPositive();
    assertThat(buckets.tryAcquire("b")).isZero();
  }

  @Test
  void forgetsIdleClients() {
    buckets.tryAcquire("a");
    buckets.tryAcquire("b");
    nanos.addAndGet(Duration.ofSeconds(30).toNanos());
    buckets.tryAcquire("b");

    nanos.addAndGet(Duration.ofSeconds(31).toNanos());
    buckets.evictIdle();

    assertThat(buckets.size()).isEqualTo(1);
  }
}
