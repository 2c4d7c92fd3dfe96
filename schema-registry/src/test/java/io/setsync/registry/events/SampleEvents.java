package io.setsync.registry.events;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated event of each type. */
final class SampleEvents {

  static final UUID SYNC_ID = UUID.fromString("1c0a6a54-2b8e-4a53-9b7e-5a1f6ad0c001");
  static final UUID ROOT_ID = UUID.fromString("1c0a6a54-2b8e-4a53-9b7e-5a1f6ad0c000");
  static final UUID ENTITY_ID = UUID.fromString("7d3c2f0a-6c51-4b0e-8f55-0e9b4c1d2a33");
  static final Instant AT = Instant.parse("2026-03-14T15:09:26.535Z");

  private SampleEvents() {}

  static SyncRequested requested() {
    return SyncRequested.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(SYNC_ID)
        .setRootSyncId(ROOT_ID)
        .setParentSyncId(ROOT_ID)
        .setEntityType(EntityType.SHOW)
        .setEntityId(ENTITY_ID)
        .setOccurredAt(AT)
        .setProducer("artist-sync-worker")
        .setSpotifyId(null)
        .setTicketmasterId("vvG1IZ9YbQ7Zk")
        .setReason(SyncReason.CASCADE)
        .setOptions(SyncOptions.newBuilder().setSkipDependencies(true).build())
        .setRequestedBy("artist-sync-worker")
        .setAttempt(1)
        .setSnapshot("{\"id\":\"vvG1IZ9YbQ7Zk\",\"name\":\"Ünïcödé Tour 🎸\"}")
        .setSnapshotAt(AT.minusSeconds(2))
        .build();
  }

  static SyncStarted started() {
    return SyncStarted.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(SYNC_ID)
        .setRootSyncId(SYNC_ID)
        .setEntityType(EntityType.ARTIST)
        .setEntityId(ENTITY_ID)
        .setOccurredAt(AT)
        .setProducer("artist-sync-worker")
        .setAttempt(2)
        .build();
  }

  static SyncCompleted completed() {
    return SyncCompleted.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(SYNC_ID)
        .setRootSyncId(SYNC_ID)
        .setEntityType(EntityType.ARTIST)
        .setEntityId(ENTITY_ID)
        .setOccurredAt(AT)
        .setProducer("artist-sync-worker")
        .setStartedAt(AT.minusMillis(1234))
        .setDurationMs(1234)
        .setChanged(true)
        .setCounts(Map.of("songs", 10L, "shows", 3L, "venues", 0L))
        .setSpotifyId("0OdUWJ0sBjDrqHygGUXeCF")
        .setTicketmasterId("K8vZ9171ob7")
        .build();
  }

  static SyncFailed failed() {
    return SyncFailed.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(SYNC_ID)
        .setRootSyncId(ROOT_ID)
        .setParentSyncId(ROOT_ID)
        .setEntityType(EntityType.VENUE)
        .setEntityId(ENTITY_ID)
        .setOccurredAt(AT)
        .setProducer("venue-linker")
        .setErrorCode(SyncErrorCode.UPSTREAM_RATE_LIMITED)
        .setErrorMessage("Ticketmaster answered 429")
        .setRetryable(true)
        .setAttempt(3)
        .setFinal$(false)
        .build();
  }

  static List<SpecificRecord> all() {
    return List.of(requested(), started(), completed(), failed());
  }
}
