package io.setsync.worker.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.events.EntityType;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.SyncRequest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventMappingTests {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void readsARequestCountingTheRetryAttempts() {
    UUID syncId = UUID.randomUUID();
    SyncRequested event =
        SyncRequested.newBuilder()
            .setEventId(UUID.randomUUID())
            .setSyncId(syncId)
            .setRootSyncId(syncId)
            .setEntityType(EntityType.ARTIST)
            .setEntityId(UUID.randomUUID())
            .setOccurredAt(NOW)
            .setProducer("sync-api")
            .setSpotifyId("4Z8W4fKeB5YxbusRsdQVPb")
            .setTicketmasterId("")
            .setReason(SyncReason.USER)
            .setOptions(SyncOptions.newBuilder().setForceRefresh(true).build())
            .build();

    SyncRequest request = EventMapping.toRequest(event, 3);

    assertThat(request.attempt()).isEqualTo(3);
    assertThat(request.entity()).isEqualTo(EntityKind.ARTIST);
    assertThat(request.forceRefresh()).isTrue();
    assertThat(request.skipDependencies()).isFalse();
    assertThat(request.ticketmasterId()).isNull();
    assertThat(request.requestedAt()).isEqualTo(NOW);
  }

  @Test
  void writesAFollowUpWithAnEventIdDerivedFromItsSync() {
    UUID syncId = UUID.randomUUID();
    SyncRequest parent =
        new SyncRequest(
            syncId,
            syncId,
            null,
            EntityKind.ARTIST,
            UUID.randomUUID(),
            "sp",
            "tm",
            SyncRequest.Reason.USER,
            false,
            false,
            "user",
            1,
            null,
            null,
            NOW);
    SyncRequest child =
        parent.cascade(
            EntityKind.VENUE, UUID.randomUUID(), null, "KovZpZA7AAEA", "{}", NOW, "w", NOW);

    SyncRequested first = EventMapping.toEvent(child, "artist-sync-worker");
    SyncRequested again = EventMapping.toEvent(child, "artist-sync-worker");

    assertThat(first.getEventId()).isEqualTo(again.getEventId());
    assertThat(first.getReason()).isEqualTo(SyncReason.CASCADE);
    assertThat(first.getParentSyncId()).isEqualTo(syncId);
    assertThat(first.getEntityType()).isEqualTo(EntityType.VENUE);
    assertThat(first.getSnapshotAt()).isEqualTo(NOW);
    assertThat(first.getProducer()).isEqualTo("artist-sync-worker");
  }
}
