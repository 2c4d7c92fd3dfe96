package io.setsync.api;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Events as the workers write them. */
public final class TestEvents {

  private TestEvents() {}

  /** Where a job sits in a cascade. */
  public record Job(
      UUID syncId, UUID rootSyncId, UUID parentSyncId, EntityType type, UUID entityId) {

    public static Job root(EntityType type, UUID entityId) {
      UUID id = UUID.randomUUID();
      return new Job(id, id, null, type, entityId);
    }

    public Job child(EntityType type, UUID entityId) {
      return new Job(UUID.randomUUID(), rootSyncId, syncId, type, entityId);
    }
  }

  public static SyncRequested requested(Job job, Instant at, SyncReason reason) {
    return SyncRequested.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(job.syncId())
        .setRootSyncId(job.rootSyncId())
        .setParentSyncId(job.parentSyncId())
        .setEntityType(job.type())
        .setEntityId(job.entityId())
        .setOccurredAt(at)
        .setProducer("artist-sync-worker")
        .setTicketmasterId("tm-" + job.entityId())
        .setReason(reason)
        .setOptions(SyncOptions.newBuilder().build())
        .setRequestedBy("artist-sync-worker")
        .setAttempt(1)
        .build();
  }

  public static SyncStarted started(Job job, Instant at, int attempt) {
    return SyncStarted.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(job.syncId())
        .setRootSyncId(job.rootSyncId())
        .setParentSyncId(job.parentSyncId())
        .setEntityType(job.type())
        .setEntityId(job.entityId())
        .setOccurredAt(at)
        .setProducer("test-worker")
        .setAttempt(attempt)
        .build();
  }

  public static SyncCompleted completed(Job job, Instant startedAt, Instant at) {
    return SyncCompleted.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(job.syncId())
        .setRootSyncId(job.rootSyncId())
        .setParentSyncId(job.parentSyncId())
        .setEntityType(job.type())
        .setEntityId(job.entityId())
        .setOccurredAt(at)
        .setProducer("test-worker")
        .setStartedAt(startedAt)
        .setDurationMs(at.toEpochMilli() - startedAt.toEpochMilli())
        .setChanged(true)
        .setCounts(Map.of("songs", 10L))
        .setSpotifyId(null)
        .setTicketmasterId(null)
        .build();
  }

  public static SyncFailed failed(
      Job job, Instant at, int attempt, boolean isFinal, SyncErrorCode code, String message) {
    return SyncFailed.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(job.syncId())
        .setRootSyncId(job.rootSyncId())
        .setParentSyncId(job.parentSyncId())
        .setEntityType(job.type())
        .setEntityId(job.entityId())
        .setOccurredAt(at)
        .setProducer("test-worker")
        .setErrorCode(code)
        .setErrorMessage(message)
        .setRetryable(!isFinal)
        .setAttempt(attempt)
        .setFinal$(isFinal)
        .build();
  }
}
