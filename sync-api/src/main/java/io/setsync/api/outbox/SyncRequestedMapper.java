package io.setsync.api.outbox;

import io.setsync.events.EntityType;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;

/** Outbox row to Avro, at the Kafka edge. */
final class SyncRequestedMapper {

  static final String PRODUCER = "sync-api";

  private SyncRequestedMapper() {}

  static SyncRequested toAvro(PendingEvent event) {
    return SyncRequested.newBuilder()
        .setEventId(event.eventId())
        .setSyncId(event.syncId())
        .setRootSyncId(event.rootSyncId())
        .setParentSyncId(event.parentSyncId())
        .setEntityType(EntityType.valueOf(event.entityKind().name()))
        .setEntityId(event.entityId())
        .setOccurredAt(event.requestedAt())
        .setProducer(PRODUCER)
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
