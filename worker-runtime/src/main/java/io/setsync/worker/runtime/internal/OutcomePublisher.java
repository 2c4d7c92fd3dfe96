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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.TaskScheduler;

/**
 * Writes the worker's events: {@code SyncStarted}, {@code SyncCompleted} and {@code SyncFailed} to
 * {@code sync.outcomes}, follow-up requests to {@code sync.requested.<entity>}. Sends are
 * asynchronous and collected per batch in {@link Sends}, which the listener awaits before its
 * offsets are committed: a send that fails fails the batch.
 *
 * <p>{@code SyncStarted} events are held back for up to {@code startedDelay}: a sync that ends
 * sooner has its start sent right before its outcome, so the status projector mostly reads both in
 * one poll and writes the job and the entity once instead of twice (a show sync takes a few
 * milliseconds, a "running" that short is seen by nobody). A slower sync's start is sent when the
 * delay is over. Either way the start comes first on the entity's partition and carries the time
 * the sync really started.
 */
class OutcomePublisher {

  private final KafkaOperations<String, Object> kafka;
  private final String producer;
  private final Duration sendTimeout;
  private final TaskScheduler scheduler;
  private final Duration startedDelay;

  OutcomePublisher(
      KafkaOperations<String, Object> kafka,
      String producer,
      Duration sendTimeout,
      TaskScheduler scheduler,
      Duration startedDelay) {
    this.kafka = kafka;
    this.producer = producer;
    this.sendTimeout = sendTimeout;
    this.scheduler = scheduler;
    this.startedDelay = startedDelay;
  }

  Sends sends() {
    return new Sends();
  }

  /**
   * The events of one batch, in flight. The listener thread sends; the scheduler's thread may send
   * held-back starts, so sending is synchronized.
   */
  final class Sends {

    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
    private final List<ProducerRecord<String, Object>> heldStarts = new ArrayList<>();
    private ScheduledFuture<?> startsDue;

    /**
     * Reports that these syncs started at {@code at}: sent by {@link #releaseStarts()}, or when
     * {@code startedDelay} is over, whichever comes first.
     */
    synchronized void started(List<SyncRequest> requests, Instant at) {
      for (SyncRequest request : requests) {
        heldStarts.add(outcomeRecord(request, startedEvent(request, at)));
      }
      if (startedDelay.isZero()) {
        releaseStarts();
      } else if (!heldStarts.isEmpty() && startsDue == null) {
        startsDue = scheduler.schedule(this::releaseStarts, Instant.now().plus(startedDelay));
      }
    }

    /** Sends the held-back starts now; the caller sends their outcomes after this. */
    synchronized void releaseStarts() {
      if (startsDue != null) {
        startsDue.cancel(false);
        startsDue = null;
      }
      heldStarts.forEach(this::send);
      heldStarts.clear();
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
      List<CompletableFuture<?>> inFlight;
      synchronized (this) {
        releaseStarts();
        inFlight = List.copyOf(this.inFlight);
        this.inFlight.clear();
      }
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
    }

    private void outcome(SyncRequest request, SpecificRecord event) {
      send(outcomeRecord(request, event));
    }

    private synchronized void send(ProducerRecord<String, Object> record) {
      inFlight.add(kafka.send(record));
    }
  }

  private static ProducerRecord<String, Object> outcomeRecord(
      SyncRequest request, SpecificRecord event) {
    return new ProducerRecord<>(Topics.OUTCOMES.name(), Topics.key(request.entityId()), event);
  }

  private SyncStarted startedEvent(SyncRequest request, Instant at) {
    return SyncStarted.newBuilder()
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
