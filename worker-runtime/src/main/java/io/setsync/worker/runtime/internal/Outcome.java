package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How one delivery of a request ended: what the ledger records and the outcome event reports. A
 * recorded outcome is re-published as it is (same event id) when the request is delivered again.
 *
 * @param fetched whether the sync fetched from upstream (false when the entity was fresh)
 * @param isFinal for a failure: no retry follows
 * @param eventId id of the outcome event
 */
record Outcome(
    SyncRequest request,
    Status status,
    boolean fetched,
    boolean changed,
    Map<String, Long> counts,
    String spotifyId,
    String ticketmasterId,
    SyncFailure failure,
    boolean isFinal,
    List<SyncRequest> followUps,
    UUID eventId,
    Instant startedAt,
    Instant finishedAt) {

  enum Status {
    COMPLETED,
    FAILED,
    /** Not failed, not done: tried again later through the retry topics, reported by no event. */
    DEFERRED
  }

  Outcome {
    counts = Map.copyOf(counts);
    followUps = List.copyOf(followUps);
  }

  static Outcome completed(
      SyncRequest request,
      boolean fetched,
      boolean changed,
      Map<String, Long> counts,
      String spotifyId,
      String ticketmasterId,
      List<SyncRequest> followUps,
      Instant startedAt,
      Instant finishedAt) {
    return new Outcome(
        request,
        Status.COMPLETED,
        fetched,
        changed,
        counts,
        spotifyId,
        ticketmasterId,
        null,
        true,
        followUps,
        UUID.randomUUID(),
        startedAt,
        finishedAt);
  }

  static Outcome failed(
      SyncRequest request, SyncFailure failure, boolean isFinal, Instant startedAt, Instant at) {
    return new Outcome(
        request,
        Status.FAILED,
        false,
        false,
        Map.of(),
        request.spotifyId(),
        request.ticketmasterId(),
        failure,
        isFinal,
        List.of(),
        UUID.randomUUID(),
        startedAt,
        at);
  }

  static Outcome deferred(
      SyncRequest request,
      String reason,
      List<SyncRequest> followUps,
      boolean lastAttempt,
      Instant startedAt,
      Instant at) {
    if (lastAttempt) {
      Outcome timedOut =
          failed(
              request,
              new SyncFailure(ErrorCode.TIMED_OUT, "Gave up waiting: " + reason, true, null),
              true,
              startedAt,
              at);
      return timedOut.withFollowUps(followUps);
    }
    return new Outcome(
        request,
        Status.DEFERRED,
        false,
        false,
        Map.of(),
        request.spotifyId(),
        request.ticketmasterId(),
        new SyncFailure(ErrorCode.TIMED_OUT, "Deferred: " + reason, true, null),
        false,
        followUps,
        UUID.randomUUID(),
        startedAt,
        at);
  }

  /** Whether the ledger keeps it: a sync is over once it completed or failed for good. */
  boolean terminal() {
    return status == Status.COMPLETED || (status == Status.FAILED && isFinal);
  }

  /** Whether the record goes on to the next retry topic or, after the last attempt, the DLT. */
  boolean forwarded() {
    return status == Status.DEFERRED || (status == Status.FAILED && failure.retryable());
  }

  private Outcome withFollowUps(List<SyncRequest> followUps) {
    return new Outcome(
        request,
        status,
        fetched,
        changed,
        counts,
        spotifyId,
        ticketmasterId,
        failure,
        isFinal,
        followUps,
        eventId,
        startedAt,
        finishedAt);
  }
}
