package io.setsync.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopicsTests {

  @Test
  void requestedAndReplayTopicsAreNamedPerEntityType() {
    assertThat(Topics.requested(EntityType.ARTIST).name()).isEqualTo("sync.requested.artist");
    assertThat(Topics.requested(EntityType.SHOW).name()).isEqualTo("sync.requested.show");
    assertThat(Topics.requested(EntityType.VENUE).name()).isEqualTo("sync.requested.venue");
    assertThat(Topics.replay(EntityType.ARTIST).name()).isEqualTo("sync.replay.artist");
    assertThat(Topics.replay(EntityType.SHOW).name()).isEqualTo("sync.replay.show");
    assertThat(Topics.replay(EntityType.VENUE).name()).isEqualTo("sync.replay.venue");
    assertThat(Topics.requested(EntityType.SHOW).valueType()).isEqualTo(SyncRequested.class);
  }

  @Test
  void outcomesCarryTheThreeOutcomeEvents() {
    assertThat(Topics.OUTCOMES.name()).isEqualTo("sync.outcomes");
    assertThat(Topics.OUTCOMES.recordTypes())
        .containsExactly(SyncStarted.class, SyncCompleted.class, SyncFailed.class);
  }

  @Test
  void catalogListsSevenMainTopics() {
    assertThat(Topics.all())
        .extracting(Topic::name)
        .containsExactlyInAnyOrder(
            "sync.requested.artist",
            "sync.requested.show",
            "sync.requested.venue",
            "sync.replay.artist",
            "sync.replay.show",
            "sync.replay.venue",
            "sync.outcomes");
    assertThat(Topics.all()).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(6));
  }

  @Test
  void retryAndDeadLetterTopicsFollowTheSourceTopic() {
    Topic<SyncRequested> artist = Topics.requested(EntityType.ARTIST);

    assertThat(artist.retry(0).name()).isEqualTo("sync.requested.artist-retry-0");
    assertThat(artist.retry(2).name()).isEqualTo("sync.requested.artist-retry-2");
    assertThat(artist.dlt().name()).isEqualTo("sync.requested.artist-dlt");
    assertThat(artist.dlt().valueType()).isEqualTo(SyncRequested.class);
    assertThat(Topics.dltName("sync.outcomes")).isEqualTo("sync.outcomes-dlt");
    assertThat(Topics.retryName("sync.outcomes", 1)).isEqualTo("sync.outcomes-retry-1");
  }

  @Test
  void invalidTopicsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Topics.retryName("t", -1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Topics.OUTCOMES.withPartitions(0))
        .withMessageContaining("sync.outcomes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Topic<>("t", SyncRequested.class, List.of(), 1));
  }

  @Test
  void keyIsTheEntityUuidString() {
    UUID id = UUID.fromString("6b1f0c0e-8a4f-4d65-9c1e-2f7a1d3b9e01");

    assertThat(Topics.key(id)).isEqualTo("6b1f0c0e-8a4f-4d65-9c1e-2f7a1d3b9e01");
  }
}
