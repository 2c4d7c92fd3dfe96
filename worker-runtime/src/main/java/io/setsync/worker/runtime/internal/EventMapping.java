package io.setsync.worker.runtime.internal;

import io.setsync.events.EntityType;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.SyncRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Avro at the Kafka edge, domain records inside: the one place that maps between them. */
final class EventMapping {

  private EventMapping() {}

  static SyncRequest toRequest(SyncRequested event, int deliveryAttempt) {
    SyncOptions options = event.getOptions();
    int attempt = Math.max(1, event.getAttempt()) - 1 + deliveryAttempt;
    return new SyncRequest(
        event.getSyncId(),
        event.getRootSyncId(),
        event.getParentSyncId(),
        kind(event.getEntityType()),
        event.getEntityId(),
        blankToNull(event.getSpotifyId()),
        blankToNull(event.getTicketmasterId()),
        SyncRequest.Reason.valueOf(event.getReason().name()),
        options != null && options.getSkipDependencies(),
        options != null && options.getForceRefresh(),
        event.getRequestedBy(),
        attempt,
        event.getSnapshot(),
        event.getSnapshotAt(),
        event.getOccurredAt());
  }

  /**
   * A follow-up request as an event; its id derives from its syncId, so a re-send is a duplicate.
   */
  static SyncRequested toEvent(SyncRequest request, String producer) {
    return SyncRequested.newBuilder()
        .setEventId(requestEventId(request.syncId()))
        .setSyncId(request.syncId())
        .setRootSyncId(request.rootSyncId())
        .setParentSyncId(request.parentSyncId())
        .setEntityType(type(request.entity()))
        .setEntityId(request.entityId())
        .setOccurredAt(request.requestedAt())
        .setProducer(producer)
        .setSpotifyId(request.spotifyId())
        .setTicketmasterId(request.ticketmasterId())
        .setReason(SyncReason.valueOf(request.reason().name()))
        .setOptions(
            SyncOptions.newBuilder()
                .setSkipDependencies(request.skipDependencies())
                .setForceRefresh(request.forceRefresh())
                .build())
        .setRequestedBy(request.requestedBy())
        .setAttempt(request.attempt())
        .setSnapshot(request.snapshot())
        .setSnapshotAt(request.snapshotAt())
        .build();
  }

  static EntityKind kind(EntityType type) {
    return EntityKind.valueOf(type.name());
  }

  static EntityType type(EntityKind kind) {
    return EntityType.valueOf(kind.name());
  }

  static UUID requestEventId(UUID syncId) {
    return UUID.nameUUIDFromBytes(("setsync-requested:" + syncId).getBytes(StandardCharsets.UTF_8));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
