package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.SyncFailure;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;

/**
 * How records are forwarded to the retry and dead-letter topics, shared by spring-kafka's retry
 * containers and the worker's batch listeners: spring-kafka's headers ({@code kafka_dlt-*}, {@code
 * retry_topic-*}) plus the contract failure ({@code setsync-error-code}, {@code
 * setsync-error-retryable}, {@code setsync-error-message}), and counted in the metrics.
 */
final class DeadLetters {

  static final String ERROR_CODE = "setsync-error-code";
  static final String ERROR_RETRYABLE = "setsync-error-retryable";
  static final String ERROR_MESSAGE = "setsync-error-message";
  static final String DLT_SUFFIX = "-dlt";

  private DeadLetters() {}

  static void configure(DeadLetterPublishingRecovererFactory factory, WorkerMetrics metrics) {
    factory.setDeadLetterPublisherCreator(
        (templates, destinations) -> new CountingRecoverer(templates, destinations, metrics));
    factory.setHeadersFunction(DeadLetters::failureHeaders);
    // The pipeline logs each failure with its syncId; no second report with a stack trace.
    factory.neverLogListenerException();
  }

  private static Headers failureHeaders(ConsumerRecord<?, ?> record, Exception exception) {
    Headers headers = new RecordHeaders();
    Throwable deepest = exception;
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SyncFailure failure) {
        headers.add(header(ERROR_CODE, failure.code().name()));
        headers.add(header(ERROR_RETRYABLE, Boolean.toString(failure.retryable())));
        headers.add(header(ERROR_MESSAGE, String.valueOf(failure.getMessage())));
        return headers;
      }
      deepest = t;
    }
    headers.add(header(ERROR_MESSAGE, String.valueOf(deepest.getMessage())));
    return headers;
  }

  private static DeadLetterPublishingRecoverer.SingleRecordHeader header(
      String name, String value) {
    return new DeadLetterPublishingRecoverer.SingleRecordHeader(
        name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static final class CountingRecoverer extends DeadLetterPublishingRecoverer {

    private final WorkerMetrics metrics;

    CountingRecoverer(
        Function<ProducerRecord<?, ?>, ? extends KafkaOperations<?, ?>> templates,
        BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destinations,
        WorkerMetrics metrics) {
      super(templates, destinations);
      this.metrics = metrics;
    }

    @Override
    protected void publish(
        ProducerRecord<Object, Object> outRecord,
        KafkaOperations<Object, Object> kafkaTemplate,
        ConsumerRecord<?, ?> inRecord) {
      super.publish(outRecord, kafkaTemplate, inRecord);
      if (outRecord.topic().endsWith(DLT_SUFFIX)) {
        metrics.deadLettered(
            outRecord.headers().lastHeader(ERROR_CODE) != null ? "exhausted" : "undecodable");
      } else {
        metrics.retried();
      }
    }
  }
}
