package io.setsync.worker.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One request to sync one entity, as the worker's handler sees it ({@code SyncRequested} without
 * Avro).
 *
 * @param attempt 1 for the first delivery, counting retries through the retry topics
 * @param snapshot the upstream object the requester already holds, as JSON, or null
 * @param snapshotAt when {@code snapshot} was fetched, or null
 */
public record SyncRequest(
    UUID syncId,
    UUID rootSyncId,
    UUID parentSyncId,
    EntityKind entity,
    UUID entityId,
    String spotifyId,
    String ticketmasterId,
    Reason reason,
    boolean skipDependencies,
    boolean forceRefresh,
    String requestedBy,
    int attempt,
    String snapshot,
    Instant snapshotAt,
    Instant requestedAt) {

  /** Why the sync was asked for. */
  public enum Reason {
    USER,
    CASCADE,
    SCHEDULED,
    BACKFILL
  }

  public SyncRequest {
    Objects.requireNonNull(syncId, "syncId");
    Objects.requireNonNull(rootSyncId, "rootSyncId");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
  }

  /**
   * A cascaded request for a dependency of this sync (reason {@code CASCADE}, lineage set), handing
   * on what this sync already fetched.
   *
   * <p>Its syncId is derived from this sync's id and the target, so asking twice (say, after a
   * redelivery) asks for the same job, which the projector and the target worker de-duplicate.
   */
  public SyncRequest cascade(
      EntityKind target,
      UUID targetId,
      String spotifyId,
      String ticketmasterId,
      String snapshot,
      Instant snapshotAt,
      String requestedBy,
      Instant now) {
    return new SyncRequest(
        cascadeSyncId(syncId, target, targetId),
        rootSyncId,
        syncId,
        target,
        targetId,
        spotifyId,
        ticketmasterId,
        Reason.CASCADE,
        false,
        false,
        requestedBy,
        1,
        snapshot,
        snapshotAt,
        now);
  }

  /**
   * Whether the request carries a snapshot taken no longer than {@code maxAge} before {@code now}.
   */
  public boolean hasSnapshotNewerThan(Duration maxAge, Instant now) {
    return snapshot != null && snapshotAt != null && !snapshotAt.isBefore(now.minus(maxAge));
  }

  /** The same request at another attempt. */
  public SyncRequest withAttempt(int attempt) {
    return new SyncRequest(
        syncId,
        rootSyncId,
        parentSyncId,
        entity,
        entityId,
        spotifyId,
        ticketmasterId,
        reason,
        skipDependencies,
        forceRefresh,
        requestedBy,
        attempt,
        snapshot,
        snapshotAt,
        requestedAt);
  }

  static UUID cascadeSyncId(UUID parentSyncId, EntityKind target, UUID targetId) {
    return UUID.nameUUIDFromBytes(
        ("setsync-cascade:" + parentSyncId + ':' + target.label() + ':' + targetId)
            .getBytes(StandardCharsets.UTF_8));
  }
}
