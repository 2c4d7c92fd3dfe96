package io.setsync.api.projector;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.JobStatus;
import io.setsync.api.sync.SyncReason;
import java.time.Instant;
import java.util.UUID;

/**
 * A SyncRequested, SyncStarted, SyncCompleted or SyncFailed as the projector needs it, mapped from
 * Avro at the Kafka edge.
 *
 * @param request the request's facts, for SyncRequested only
 * @param startedAt when the attempt started (SyncStarted, SyncCompleted)
 * @param errorCode and errorMessage for SyncFailed only
 */
record StatusEvent(
    Kind kind,
    UUID eventId,
    UUID syncId,
    UUID rootSyncId,
    UUID parentSyncId,
    EntityKind entityKind,
    UUID entityId,
    Instant occurredAt,
    int attempt,
    boolean finalFailure,
    String errorCode,
    String errorMessage,
    Instant startedAt,
    Request request) {

  /** Ranks of the phases of a job (see 003-sync-api.sql): running ranks lie in between. */
  static final int RANK_QUEUED = 0;

  static final int RANK_TIMED_OUT = 1_000_000;
  static final int RANK_FINISHED = 2_000_000;
  private static final int MAX_ATTEMPT = 99_999;

  enum Kind {
    REQUESTED,
    STARTED,
    COMPLETED,
    FAILED
  }

  record Request(
      String spotifyId,
      String ticketmasterId,
      SyncReason reason,
      boolean skipDependencies,
      boolean forceRefresh,
      String requestedBy) {}

  JobStatus jobStatus() {
    return switch (kind) {
      case REQUESTED -> JobStatus.QUEUED;
      case STARTED -> JobStatus.RUNNING;
      case COMPLETED -> JobStatus.COMPLETED;
      case FAILED -> finalFailure ? JobStatus.FAILED : JobStatus.RUNNING;
    };
  }

  /** Orders a job's states: a state replaces another only with a greater (rank, occurredAt). */
  int jobRank() {
    int boundedAttempt = Math.max(1, Math.min(attempt, MAX_ATTEMPT));
    return switch (kind) {
      case REQUESTED -> RANK_QUEUED;
      case STARTED -> boundedAttempt * 10 + 1;
      case COMPLETED -> RANK_FINISHED;
      case FAILED -> finalFailure ? RANK_FINISHED : boundedAttempt * 10 + 2;
    };
  }

  /** The entity's {@code sync_status} this event leads to. */
  String entityStatus() {
    return switch (kind) {
      case REQUESTED -> "queued";
      case STARTED -> "syncing";
      case COMPLETED -> "synced";
      case FAILED -> finalFailure ? "failed" : "syncing";
    };
  }

  /** Breaks ties between entity states at the same instant: queued, syncing, then an end. */
  int entityRank() {
    return switch (entityStatus()) {
      case "queued" -> 0;
      case "syncing" -> 1;
      default -> 2;
    };
  }

  boolean terminal() {
    return jobStatus().terminal();
  }
}
