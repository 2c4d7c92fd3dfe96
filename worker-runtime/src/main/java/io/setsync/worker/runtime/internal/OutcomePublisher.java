package io.setsync.worker.runtime.internal;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncStarted;
import io.setsync.schemas.topic.Topics;
import io.setsync.worker.runtime.SyncRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Writes the worker's events: {@code SyncStarted}, {@code SyncCompleted} and {@code SyncFailed} to
 * {@code sync.outcomes}, follow-up requests to {@code sync.requested.<entity>}. Sends are
 * asynchronous and collected per batch in {@link Sends}, which the listener awaits before its
 * offsets are committed: a send that fails fails the batch.
 */
class OutcomePublisher {

  private final KafkaOperations<String, Object> kafka;
  private final String producer;
  private final Duration sendTimeout;

  OutcomePublisher(KafkaOperations<String, Object> kafka, String producer, Duration sendTimeout) {
    this.kafka = kafka;
    this.producer = producer;
    this.sendTimeout = sendTimeout;
  }

  Sends sends() {
    return new Sends();
  }

  /** The events of one batch, in flight. */
  final class Sends {

    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

    void started(SyncRequest request, Instant at) {
      SyncStarted event =
          SyncStarted.newBuilder()
              .setEventId(UUID.randomUUID())
              .setSyncId(request.syncId())
              .setRootSyncId(request.rootSyncId())
              .setParentSyncId(request.parentSyncId())
              .setEntityType(EventMapping.type(request.entity()))
              .setEntityId(request.entityId())
              .setOccurredAt(at)
              .setProducer(producer)
              .setAttempt(request.attempt())
              .build();
      outcome(request, event);
    }

    /**
     * The outcome event of a completed or failed sync, and its follow-ups: to {@code sync.replay.*}
     * when {@code lowPriority}, else to {@code sync.requested.*}.
     */
    void outcome(Outcome outcome, boolean lowPriority) {
      SyncRequest request = outcome.request();
      switch (outcome.status()) {
        case COMPLETED -> {
          outcome(request, completed(outcome));
          outcome.followUps().forEach(followUp -> request(followUp, lowPriority));
        }
        case FAILED -> {
          outcome(request, failed(outcome));
          outcome.followUps().forEach(followUp -> request(followUp, lowPriority));
        }
        case DEFERRED -> outcome.followUps().forEach(followUp -> request(followUp, lowPriority));
      }
    }

    private void request(SyncRequest request, boolean lowPriority) {
      EntityType type = EventMapping.type(request.entity());
      send(
          new ProducerRecord<>(
              (lowPriority ? Topics.replay(type) : Topics.requested(type)).name(),
              Topics.key(request.entityId()),
              EventMapping.toEvent(request, producer)));
    }

    /** Waits until Kafka acknowledged every send of the batch. */
    void await() {
      long deadline = System.nanoTime() + sendTimeout.toNanos();
      for (CompletableFuture<?> future : inFlight) {
        try {
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          throw new KafkaException("Sending an event failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
          throw new KafkaException("Kafka did not acknowledge events within " + sendTimeout, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new KafkaException("Interrupted while waiting for Kafka", e);
        }
      }
      inFlight.clear();
    }

    private void outcome(SyncRequest request, SpecificRecord event) {
      send(new ProducerRecord<>(Topics.OUTCOMES.name(), Topics.key(request.entityId()), event));
    }

    private void send(ProducerRecord<String, Object> record) {
      inFlight.add(kafka.send(record));
    }
  }

  private SyncCompleted completed(Outcome outcome) {
    SyncRequest request = outcome.request();
    return SyncCompleted.newBuilder()
        .setEventId(outcome.eventId())
        .setSyncId(request.syncId())
        .setRootSyncId(request.rootSyncId())
        .setParentSyncId(request.parentSyncId())
        .setEntityType(EventMapping.type(request.entity()))
        .setEntityId(request.entityId())
        .setOccurredAt(outcome.finishedAt())
        .setProducer(producer)
        .setStartedAt(outcome.startedAt())
        .setDurationMs(Duration.between(outcome.startedAt(), outcome.finishedAt()).toMillis())
        .setChanged(outcome.changed())
        .setCounts(new HashMap<>(outcome.counts()))
        .setSpotifyId(outcome.spotifyId())
        .setTicketmasterId(outcome.ticketmasterId())
        .build();
  }

  private SyncFailed failed(Outcome outcome) {
    SyncRequest request = outcome.request();
    String message = outcome.failure().getMessage();
    return SyncFailed.newBuilder()
        .setEventId(outcome.eventId())
        .setSyncId(request.syncId())
        .setRootSyncId(request.rootSyncId())
        .setParentSyncId(request.parentSyncId())
        .setEntityType(EventMapping.type(request.entity()))
        .setEntityId(request.entityId())
        .setOccurredAt(outcome.finishedAt())
        .setProducer(producer)
        .setErrorCode(SyncErrorCode.valueOf(outcome.failure().code().name()))
        .setErrorMessage(message == null ? outcome.failure().code().name() : message)
        .setRetryable(outcome.failure().retryable())
        .setAttempt(request.attempt())
        .setFinal$(outcome.isFinal())
        .build();
  }
}
