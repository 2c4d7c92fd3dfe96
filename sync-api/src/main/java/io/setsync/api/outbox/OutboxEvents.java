package io.setsync.api.outbox;

import io.setsync.events.EntityType;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;

/**
 * Outbox row to Avro, at the Kafka edge: a row for {@code sync.outcomes} is the sweeper's
 * SyncFailed of a timed-out job, any other a SyncRequested.
 */
final class OutboxEvents {

  private OutboxEvents() {}

  static SpecificRecord toAvro(PendingEvent event) {
    return Topics.OUTCOMES.name().equals(event.topic()) ? timedOut(event) : requested(event);
  }

  /** Final, not retryable: nobody works on the job any more. */
  private static SyncFailed timedOut(PendingEvent event) {
    return SyncFailed.newBuilder()
        .setEventId(event.eventId())
        .setSyncId(event.syncId())
        .setRootSyncId(event.rootSyncId())
        .setParentSyncId(event.parentSyncId())
        .setEntityType(EntityType.valueOf(event.entityKind().name()))
        .setEntityId(event.entityId())
        .setOccurredAt(event.finishedAt())
        .setProducer(Outbox.PRODUCER)
        .setErrorCode(SyncErrorCode.TIMED_OUT)
        .setErrorMessage(event.errorMessage())
        .setRetryable(false)
        .setAttempt(Math.max(1, event.attempts()))
        .setFinal$(true)
        .build();
  }

  private static SyncRequested requested(PendingEvent event) {
    return SyncRequested.newBuilder()
        .setEventId(event.eventId())
        .setSyncId(event.syncId())
        .setRootSyncId(event.rootSyncId())
        .setParentSyncId(event.parentSyncId())
        .setEntityType(EntityType.valueOf(event.entityKind().name()))
        .setEntityId(event.entityId())
        .setOccurredAt(event.requestedAt())
        .setProducer(Outbox.PRODUCER)
        .setSpotifyId(event.spotifyId())
        .setTicketmasterId(event.ticketmasterId())
        .setReason(SyncReason.valueOf(event.reason().name()))
        .setOptions(
            SyncOptions.newBuilder()
                .setSkipDependencies(event.skipDependencies())
                .setForceRefresh(event.forceRefresh())
                .build())
        .setRequestedBy(event.requestedBy())
        .setAttempt(1)
        .setSnapshot(null)
        .setSnapshotAt(null)
        .build();
  }
}
