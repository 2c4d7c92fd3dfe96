package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.Fetched;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncHandler;
import io.setsync.worker.runtime.SyncRequest;
import io.setsync.worker.runtime.SyncResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to the requests of one poll: skip the ones already processed (re-publishing their
 * outcome), report {@code SyncStarted}, answer fresh entities without fetching, fetch the rest
 * through the handler, store in one transaction together with the ledger, then report the outcomes
 * and publish the follow-ups. Waits for Kafka to acknowledge every event before it returns, so the
 * caller commits offsets only for reported work.
 *
 * <p>Failures of single requests become outcomes; only an infrastructure failure (no database, no
 * Kafka) escapes, and then the caller processes the whole batch again later.
 */
class SyncPipeline<T> {

  private static final Logger log = LoggerFactory.getLogger(SyncPipeline.class);

  private final SyncHandler<T> handler;
  private final SyncLedger ledger;
  private final OutcomePublisher publisher;
  private final TransactionTemplate transactions;
  private final WorkerMetrics metrics;
  private final Duration freshFor;
  private final int maxAttempts;
  private final Clock clock;

  SyncPipeline(
      SyncHandler<T> handler,
      SyncLedger ledger,
      OutcomePublisher publisher,
      TransactionTemplate transactions,
      WorkerMetrics metrics,
      Duration freshFor,
      int maxAttempts,
      Clock clock) {
    this.handler = handler;
    this.ledger = ledger;
    this.publisher = publisher;
    this.transactions = transactions;
    this.metrics = metrics;
    this.freshFor = freshFor;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  /**
   * One decoded request as it was delivered.
   *
   * @param deliveryAttempt 1 on the main topic, then as counted by the retry-topic headers
   * @param lowPriority delivered through {@code sync.replay.*}: its follow-ups go there too, so a
   *     backfill's cascade never queues ahead of live requests
   */
  record Delivery(
      ConsumerRecord<String, ?> record,
      SyncRequest request,
      int deliveryAttempt,
      boolean lowPriority) {}

  /**
   * A delivery the caller must pass on to the next retry topic or, after the last attempt, the
   * dead-letter topic.
   */
  record Forward(Delivery delivery, SyncFailure failure) {}

  List<Forward> process(List<Delivery> deliveries, Source source) {
    OutcomePublisher.Sends sends = publisher.sends();
    List<Forward> forwards = new ArrayList<>();
    List<Delivery> pending = deliveries;
    // One request per entity per round: two syncs of one entity in one batch run one after the
    // other, so the second sees the first in the ledger (and is then fresh) rather than racing it.
    while (!pending.isEmpty()) {
      Set<UUID> entities = new HashSet<>();
      List<Delivery> round = new ArrayList<>();
      List<Delivery> later = new ArrayList<>();
      for (Delivery delivery : pending) {
        (entities.add(delivery.request().entityId()) ? round : later).add(delivery);
      }
      processRound(round, source, sends, forwards);
      pending = later;
    }
    sends.await();
    return forwards;
  }

  private void processRound(
      List<Delivery> deliveries,
      Source source,
      OutcomePublisher.Sends sends,
      List<Forward> forwards) {
    Instant startedAt = clock.instant();
    Map<UUID, Delivery> bySyncId = new LinkedHashMap<>();
    deliveries.forEach(delivery -> bySyncId.put(delivery.request().syncId(), delivery));

    Map<UUID, Outcome> processed = ledger.find(deliveries.stream().map(Delivery::request).toList());
    List<Delivery> toRun = new ArrayList<>();
    for (Delivery delivery : bySyncId.values()) {
      Outcome earlier = processed.get(delivery.request().syncId());
      if (earlier == null) {
        toRun.add(delivery);
        continue;
      }
      metrics.redelivered();
      log.info(
          "Sync {} was already processed ({}); publishing its outcome again",
          delivery.request().syncId(),
          earlier.status());
      sends.outcome(earlier, delivery.lowPriority());
      if (earlier.forwarded() && lastAttempt(delivery)) {
        forwards.add(new Forward(delivery, earlier.failure()));
      }
    }
    sends.started(toRun.stream().map(Delivery::request).toList(), startedAt);

    List<Outcome> decided = new ArrayList<>();
    List<Delivery> forThisWorker = new ArrayList<>();
    for (Delivery delivery : toRun) {
      if (delivery.request().entity() == handler.entity()) {
        forThisWorker.add(delivery);
      } else {
        decided.add(
            failure(
                delivery,
                new SyncFailure(
                    ErrorCode.INVALID_REQUEST,
                    "A "
                        + delivery.request().entity().label()
                        + " request on the "
                        + handler.entity().label()
                        + " worker's topic"),
                startedAt));
      }
    }
    List<Delivery> toFetch = fresh(forThisWorker, startedAt, decided);

    Map<UUID, Fetched<T>> fetched = fetch(toFetch.stream().map(Delivery::request).toList());
    List<Fetched<T>> toStore = new ArrayList<>();
    for (Delivery delivery : toFetch) {
      Fetched<T> result = fetched.get(delivery.request().syncId());
      if (result == null) {
        decided.add(
            failure(
                delivery,
                new SyncFailure(ErrorCode.INTERNAL, "The handler fetched nothing for it"),
                startedAt));
      } else if (result.succeeded()) {
        toStore.add(result);
      } else {
        decided.add(failure(delivery, result.failure(), startedAt));
      }
    }

    List<Outcome> outcomes = new ArrayList<>(decided);
    outcomes.addAll(commit(toStore, decided, bySyncId, startedAt));
    sends.releaseStarts();

    for (Outcome outcome : outcomes) {
      Delivery delivery = bySyncId.get(outcome.request().syncId());
      report(outcome, source);
      metrics.outcome(outcome, source);
      sends.outcome(outcome, delivery.lowPriority());
      if (outcome.forwarded()) {
        forwards.add(new Forward(delivery, outcome.failure()));
      }
    }
  }

  /** Answers the requests for entities synced within the TTL; returns the others. */
  private List<Delivery> fresh(List<Delivery> deliveries, Instant now, List<Outcome> decided) {
    List<UUID> candidates =
        deliveries.stream()
            .map(Delivery::request)
            .filter(request -> !request.forceRefresh())
            .map(SyncRequest::entityId)
            .toList();
    Map<UUID, SyncLedger.LastFetch> recent =
        ledger.lastFetched(handler.entity(), candidates, now.minus(freshFor));
    List<Delivery> stale = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      SyncRequest request = delivery.request();
      SyncLedger.LastFetch last = request.forceRefresh() ? null : recent.get(request.entityId());
      // A snapshot newer than the last sync is news the requester brings: not fresh.
      boolean newsInSnapshot =
          last != null && request.snapshotAt() != null && request.snapshotAt().isAfter(last.at());
      if (last == null || newsInSnapshot) {
        stale.add(delivery);
        continue;
      }
      decided.add(
          Outcome.completed(
              request,
              false,
              false,
              Map.of(),
              last.spotifyId() != null ? last.spotifyId() : request.spotifyId(),
              last.ticketmasterId() != null ? last.ticketmasterId() : request.ticketmasterId(),
              List.of(),
              now,
              clock.instant()));
    }
    return stale;
  }

  /** The handler's fetch; if the batch throws, once more request by request to isolate it. */
  private Map<UUID, Fetched<T>> fetch(List<SyncRequest> requests) {
    if (requests.isEmpty()) {
      return Map.of();
    }
    try {
      return bySyncId(requests, handler.fetch(requests));
    } catch (RuntimeException e) {
      if (requests.size() == 1) {
        return Map.of(requests.get(0).syncId(), Fetched.failed(requests.get(0), SyncFailure.of(e)));
      }
      log.warn(
          "Fetching a batch of {} failed; fetching one by one: {}", requests.size(), e.toString());
      Map<UUID, Fetched<T>> results = new HashMap<>();
      for (SyncRequest request : requests) {
        try {
          results.putAll(bySyncId(List.of(request), handler.fetch(List.of(request))));
        } catch (RuntimeException single) {
          results.put(request.syncId(), Fetched.failed(request, SyncFailure.of(single)));
        }
      }
      return results;
    }
  }

  /**
   * Stores the fetched values and records the terminal outcomes, in one transaction. If it fails
   * for anything but the infrastructure, stores request by request, each in its own transaction.
   */
  private List<Outcome> commit(
      List<Fetched<T>> toStore,
      List<Outcome> decided,
      Map<UUID, Delivery> deliveries,
      Instant startedAt) {
    try {
      return inTransaction(toStore, decided, deliveries, startedAt);
    } catch (RuntimeException e) {
      if (isInfrastructure(e) || toStore.isEmpty()) {
        throw e;
      }
      log.warn(
          "Storing a batch of {} failed; storing one by one: {}", toStore.size(), e.toString());
      List<Outcome> stored = new ArrayList<>();
      List<Outcome> failedToStore = new ArrayList<>();
      for (Fetched<T> one : toStore) {
        Delivery delivery = deliveries.get(one.request().syncId());
        if (toStore.size() == 1) {
          failedToStore.add(failure(delivery, SyncFailure.of(e), startedAt));
          break;
        }
        try {
          stored.addAll(inTransaction(List.of(one), List.of(), deliveries, startedAt));
        } catch (RuntimeException single) {
          if (isInfrastructure(single)) {
            throw single;
          }
          failedToStore.add(failure(delivery, SyncFailure.of(single), startedAt));
        }
      }
      List<Outcome> unrecorded = new ArrayList<>(decided);
      unrecorded.addAll(failedToStore);
      transactions.executeWithoutResult(status -> ledger.record(unrecorded));
      stored.addAll(failedToStore);
      return stored;
    }
  }

  private List<Outcome> inTransaction(
      List<Fetched<T>> toStore,
      List<Outcome> decided,
      Map<UUID, Delivery> deliveries,
      Instant startedAt) {
    return transactions.execute(
        status -> {
          List<Outcome> stored = store(toStore, deliveries, startedAt);
          List<Outcome> all = new ArrayList<>(decided);
          all.addAll(stored);
          ledger.record(all);
          return stored;
        });
  }

  private List<Outcome> store(
      List<Fetched<T>> toStore, Map<UUID, Delivery> deliveries, Instant startedAt) {
    if (toStore.isEmpty()) {
      return List.of();
    }
    Map<UUID, SyncResult> results = new HashMap<>();
    for (SyncResult result : handler.store(toStore)) {
      results.put(result.request().syncId(), result);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Fetched<T> one : toStore) {
      Delivery delivery = deliveries.get(one.request().syncId());
      SyncRequest request = delivery.request();
      outcomes.add(outcome(delivery, results.get(request.syncId()), startedAt));
    }
    return outcomes;
  }

  private Outcome outcome(Delivery delivery, SyncResult result, Instant startedAt) {
    SyncRequest request = delivery.request();
    if (result instanceof SyncResult.Completed done) {
      return Outcome.completed(
          request,
          true,
          done.changed(),
          done.counts(),
          done.spotifyId() != null ? done.spotifyId() : request.spotifyId(),
          done.ticketmasterId() != null ? done.ticketmasterId() : request.ticketmasterId(),
          done.followUps(),
          startedAt,
          clock.instant());
    }
    if (result instanceof SyncResult.Failed failed) {
      return failure(delivery, failed.failure(), startedAt);
    }
    if (result instanceof SyncResult.Deferred deferred) {
      return Outcome.deferred(
          request,
          deferred.reason(),
          deferred.followUps(),
          lastAttempt(delivery),
          startedAt,
          clock.instant());
    }
    return failure(
        delivery,
        new SyncFailure(ErrorCode.INTERNAL, "The handler stored no result for it"),
        startedAt);
  }

  private Outcome failure(Delivery delivery, SyncFailure failure, Instant startedAt) {
    boolean isFinal = !failure.retryable() || lastAttempt(delivery);
    return Outcome.failed(delivery.request(), failure, isFinal, startedAt, clock.instant());
  }

  private boolean lastAttempt(Delivery delivery) {
    return delivery.deliveryAttempt() >= maxAttempts;
  }

  private static void report(Outcome outcome, Source source) {
    if (outcome.status() != Outcome.Status.FAILED && outcome.status() != Outcome.Status.DEFERRED) {
      return;
    }
    SyncFailure failure = outcome.failure();
    try (MDC.MDCCloseable ignored =
        MDC.putCloseable("syncId", outcome.request().syncId().toString())) {
      if (outcome.status() == Outcome.Status.DEFERRED) {
        // No event says so (the job stays running), so the log is where a retry is explained.
        log.info(
            "Sync of {} {} deferred at attempt {}, will retry: {}",
            outcome.request().entity().label(),
            outcome.request().entityId(),
            outcome.request().attempt(),
            failure.getMessage());
      } else if (outcome.isFinal()) {
        log.warn(
            "Sync of {} {} failed for good at attempt {} ({}): {} {}",
            outcome.request().entity().label(),
            outcome.request().entityId(),
            outcome.request().attempt(),
            source.tag(),
            failure.code(),
            failure.getMessage());
      } else {
        log.info(
            "Sync of {} {} failed at attempt {}, will retry: {} {}",
            outcome.request().entity().label(),
            outcome.request().entityId(),
            outcome.request().attempt(),
            failure.code(),
            failure.getMessage());
      }
    }
  }

  private static <T> Map<UUID, Fetched<T>> bySyncId(
      List<SyncRequest> asked, List<Fetched<T>> results) {
    Set<UUID> wanted = new HashSet<>();
    asked.forEach(request -> wanted.add(request.syncId()));
    Map<UUID, Fetched<T>> bySyncId = new HashMap<>();
    for (Fetched<T> result : results) {
      if (wanted.contains(result.request().syncId())) {
        bySyncId.putIfAbsent(result.request().syncId(), result);
      }
    }
    return bySyncId;
  }

  private static boolean isInfrastructure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof TransactionSystemException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
