package io.setsync.worker.runtime.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.setsync.worker.runtime.EntityKind;
import java.time.Duration;

/**
 * The worker's own meters, tagged with the entity kind. Consumer lag comes from the Kafka client
 * metrics Spring Boot binds ({@code kafka.consumer.fetch.manager.records.lag.max}).
 *
 * <ul>
 *   <li>{@code setsync.worker.syncs}: timer per outcome ({@code completed}, {@code unchanged},
 *       {@code failed}, {@code retrying}, {@code deferred}) and source ({@code requested}, {@code
 *       replay}, {@code retry})
 *   <li>{@code setsync.worker.retries}: records sent to a retry topic
 *   <li>{@code setsync.worker.dead.letters}: records sent to the dead-letter topic, by reason
 *   <li>{@code setsync.worker.redeliveries}: requests that were already processed
 *   <li>{@code setsync.worker.batch.size}: requests per poll, by source
 *   <li>{@code setsync.worker.ledger.purged}: ledger rows deleted after their retention
 * </ul>
 */
class WorkerMetrics {

  private final MeterRegistry registry;
  private final String entity;

  WorkerMetrics(MeterRegistry registry, EntityKind entity) {
    this.registry = registry;
    this.entity = entity.label();
  }

  void outcome(Outcome outcome, Source source) {
    Timer.builder("setsync.worker.syncs")
        .description("Syncs by outcome, with their duration")
        .tag("entity", entity)
        .tag("outcome", outcomeTag(outcome))
        .tag("source", source.tag())
        .register(registry)
        .record(Duration.between(outcome.startedAt(), outcome.finishedAt()));
  }

  void retried() {
    counter("setsync.worker.retries", "Records sent to a retry topic").increment();
  }

  void deadLettered(String reason) {
    Counter.builder("setsync.worker.dead.letters")
        .description("Records sent to the dead-letter topic")
        .tag("entity", entity)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  void redelivered() {
    counter("setsync.worker.redeliveries", "Requests delivered again after processing").increment();
  }

  void batch(Source source, int size) {
    DistributionSummary.builder("setsync.worker.batch.size")
        .description("Requests per poll")
        .tag("entity", entity)
        .tag("source", source.tag())
        .register(registry)
        .record(size);
  }

  void ledgerPurged(int rows) {
    counter("setsync.worker.ledger.purged", "Ledger rows deleted after their retention")
        .increment(rows);
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).tag("entity", entity).register(registry);
  }

  private static String outcomeTag(Outcome outcome) {
    return switch (outcome.status()) {
      case COMPLETED -> outcome.changed() ? "completed" : "unchanged";
      case FAILED -> outcome.isFinal() ? "failed" : "retrying";
      case DEFERRED -> "deferred";
    };
  }
}
