package io.setsync.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncRequestTests {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void aCascadeCarriesLineageAndTheSnapshot() {
    SyncRequest parent = request(UUID.randomUUID(), UUID.randomUUID());
    UUID showId = UUID.randomUUID();

    SyncRequest child =
        parent.cascade(EntityKind.SHOW, showId, null, "G5v", "{}", NOW, "artist-sync-worker", NOW);

    assertThat(child.parentSyncId()).isEqualTo(parent.syncId());
    assertThat(child.rootSyncId()).isEqualTo(parent.rootSyncId());
    assertThat(child.reason()).isEqualTo(SyncRequest.Reason.CASCADE);
    assertThat(child.entity()).isEqualTo(EntityKind.SHOW);
    assertThat(child.entityId()).isEqualTo(showId);
    assertThat(child.snapshot()).isEqualTo("{}");
    assertThat(child.attempt()).isEqualTo(1);
    assertThat(child.skipDependencies()).isFalse();
  }

  @Test
  void askingForTheSameCascadeTwiceAsksForTheSameSync() {
    SyncRequest parent = request(UUID.randomUUID(), UUID.randomUUID());
    UUID showId = UUID.randomUUID();

    SyncRequest first = parent.cascade(EntityKind.SHOW, showId, null, "G5v", null, null, "w", NOW);
    SyncRequest again =
        parent.cascade(EntityKind.SHOW, showId, null, "G5v", null, null, "w", NOW.plusSeconds(5));
    SyncRequest other = parent.cascade(EntityKind.VENUE, showId, null, "G5v", null, null, "w", NOW);

    assertThat(again.syncId()).isEqualTo(first.syncId());
    assertThat(other.syncId()).isNotEqualTo(first.syncId());
    assertThat(first.syncId()).isNotEqualTo(parent.syncId());
  }

  @Test
  void aSnapshotIsFreshOnlyWithinItsMaximumAge() {
    SyncRequest parent = request(UUID.randomUUID(), UUID.randomUUID());
    SyncRequest recent =
        parent.cascade(EntityKind.SHOW, UUID.randomUUID(), null, "x", "{}", NOW, "w", NOW);
    SyncRequest old =
        parent.cascade(
            EntityKind.SHOW, UUID.randomUUID(), null, "x", "{}", NOW.minusSeconds(600), "w", NOW);

    assertThat(recent.hasSnapshotNewerThan(Duration.ofMinutes(5), NOW.plusSeconds(60))).isTrue();
    assertThat(old.hasSnapshotNewerThan(Duration.ofMinutes(5), NOW)).isFalse();
    assertThat(parent.hasSnapshotNewerThan(Duration.ofDays(1), NOW)).isFalse();
  }

  private static SyncRequest request(UUID syncId, UUID artistId) {
    return new SyncRequest(
        syncId,
        syncId,
        null,
        EntityKind.ARTIST,
        artistId,
        "4Z8W4fKeB5YxbusRsdQVPb",
        null,
        SyncRequest.Reason.USER,
        false,
        false,
        "user",
        1,
        null,
        null,
        NOW);
  }
}
