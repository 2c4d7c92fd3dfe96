package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.SyncFailure;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;

/**
 * How records are forwarded to the retry and dead-letter topics, shared by spring-kafka's retry
 * containers and the worker's batch listeners: spring-kafka's headers ({@code kafka_dlt-*}, {@code
 * retry_topic-*}) plus the contract failure ({@code setsync-error-code}, {@code
 * setsync-error-retryable}, {@code setsync-error-message}), and counted in the metrics.
 *
 * <p>A failure that carries the upstream's {@code Retry-After} is not tried again sooner: its
 * record is forwarded with {@code setsync-retry-not-before} (epoch milliseconds), and its {@code
 * retry_topic-backoff-timestamp}, which spring-kafka's retry containers wait for, is moved to that
 * time when the topic's own back-off is shorter. spring-kafka's back-off is fixed per retry topic,
 * with no hook for a delay the failure decides, hence this. The wait is capped at {@code
 * maxRetryAfter}: a paused retry partition holds every record behind it.
 */
final class DeadLetters {

  static final String ERROR_CODE = "setsync-error-code";
  static final String ERROR_RETRYABLE = "setsync-error-retryable";
  static final String ERROR_MESSAGE = "setsync-error-message";
  static final String RETRY_NOT_BEFORE = "setsync-retry-not-before";
  static final String DLT_SUFFIX = "-dlt";

  private DeadLetters() {}

  static void configure(
      DeadLetterPublishingRecovererFactory factory,
      WorkerMetrics metrics,
      Duration maxRetryAfter,
      Clock clock) {
    factory.setDeadLetterPublisherCreator(
        (templates, destinations) -> new CountingRecoverer(templates, destinations, metrics));
    factory.setHeadersFunction(
        (record, exception) -> failureHeaders(exception, maxRetryAfter, clock));
    // The pipeline logs each failure with its syncId; no second report with a stack trace.
    factory.neverLogListenerException();
  }

  private static Headers failureHeaders(Exception exception, Duration maxRetryAfter, Clock clock) {
    Headers headers = new RecordHeaders();
    Throwable deepest = exception;
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SyncFailure failure) {
        headers.add(header(ERROR_CODE, failure.code().name()));
        headers.add(header(ERROR_RETRYABLE, Boolean.toString(failure.retryable())));
        headers.add(header(ERROR_MESSAGE, String.valueOf(failure.getMessage())));
        failure
            .retryAfter()
            .filter(wait -> failure.retryable())
            .map(wait -> wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait)
            .ifPresent(
                wait ->
                    headers.add(
                        header(
                            RETRY_NOT_BEFORE,
                            Long.toString(clock.instant().plus(wait).toEpochMilli()))));
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
      boolean deadLetter = outRecord.topic().endsWith(DLT_SUFFIX);
      if (!deadLetter) {
        notBefore(outRecord.headers());
      }
      super.publish(outRecord, kafkaTemplate, inRecord);
      if (deadLetter) {
        metrics.deadLettered(
            outRecord.headers().lastHeader(ERROR_CODE) != null ? "exhausted" : "undecodable");
      } else {
        metrics.retried();
      }
    }

    private static void notBefore(Headers headers) {
      Header notBefore = headers.lastHeader(RETRY_NOT_BEFORE);
      Header backoff = headers.lastHeader(RetryTopicHeaders.DEFAULT_HEADER_BACKOFF_TIMESTAMP);
      if (notBefore == null || backoff == null) {
        return;
      }
      long due = Long.parseLong(new String(notBefore.value(), StandardCharsets.UTF_8));
      if (due > new BigInteger(backoff.value()).longValue()) {
        headers.remove(RetryTopicHeaders.DEFAULT_HEADER_BACKOFF_TIMESTAMP);
        headers.add(
            RetryTopicHeaders.DEFAULT_HEADER_BACKOFF_TIMESTAMP,
            BigInteger.valueOf(due).toByteArray());
      }
    }
  }
}
