package io.setsync.worker.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatePacerTests {

  @Test
  void spacesBatchesBySizeAtTheCappedRate() {
    RatePacer pacer = new RatePacer(100);

    Duration first = pacer.reserve(50);
    Duration second = pacer.reserve(50);
    Duration third = pacer.reserve(10);

    assertThat(first).isLessThan(Duration.ofMillis(5));
    assertThat(second).isBetween(Duration.ofMillis(450), Duration.ofMillis(500));
    assertThat(third).isBetween(Duration.ofMillis(950), Duration.ofMillis(1000));
  }

  @Test
  void doesNotWaitWithoutACap() {
    RatePacer pacer = new RatePacer(0);

    pacer.await(1_000_000, () -> true);

    assertThat(pacer.capped()).isFalse();
  }

  @Test
  void stopsWaitingWhenTheListenerStops() {
    RatePacer pacer = new RatePacer(1);
    pacer.reserve(3_600);
    long started = System.nanoTime();

    pacer.await(1, () -> false);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }
}
