package io.setsync.api.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Outbox backlog (rows waiting) and age (seconds the oldest row has waited), measured on a schedule
 * so that a scrape never queries the database.
 */
class OutboxMetrics {

  private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

  private final OutboxStore store;
  private final Clock clock;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong ageMillis = new AtomicLong();

  OutboxMetrics(OutboxStore store, Clock clock, MeterRegistry meters) {
    this.store = store;
    this.clock = clock;
    Gauge.builder("setsync.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet published")
        .register(meters);
    Gauge.builder("setsync.outbox.oldest.age", ageMillis, age -> age.get() / 1000.0)
        .description("Seconds the oldest unpublished outbox row has waited")
        .baseUnit("seconds")
        .register(meters);
  }

  @Scheduled(
      fixedDelayString = "${setsync.outbox.metrics-interval:5s}",
      initialDelayString = "${setsync.outbox.metrics-interval:5s}")
  void measure() {
    try {
      OutboxStore.Backlog current = store.backlog();
      backlog.set(current.rows());
      ageMillis.set(
          current
              .oldest()
              .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis()))
              .orElse(0L));
    } catch (RuntimeException e) {
      log.warn("Could not measure the outbox backlog: {}", e.toString());
    }
  }
}
