package io.setsync.api.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.SyncReason;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BackfillEnqueuerTests {

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  @Test
  void aFirstPageTakesOneSecondOfTheRate() {
    assertThat(BackfillEnqueuer.allowance(backfill(50, null), NOW)).isEqualTo(50);
  }

  @Test
  void laterPagesTakeTheRateTimesTheTimeSinceTheLastPage() {
    assertThat(BackfillEnqueuer.allowance(backfill(50, NOW.minusMillis(200)), NOW)).isEqualTo(10);
    assertThat(BackfillEnqueuer.allowance(backfill(3, NOW.minusMillis(200)), NOW)).isZero();
  }

  @Test
  void aLongPauseDoesNotMakeABurst() {
    assertThat(BackfillEnqueuer.allowance(backfill(50, NOW.minusSeconds(60)), NOW)).isEqualTo(50);
  }

  @Test
  void aClockThatWentBackMakesNothing() {
    assertThat(BackfillEnqueuer.allowance(backfill(50, NOW.plusSeconds(5)), NOW)).isZero();
  }

  private static BackfillStore.Backfill backfill(int maxPerSecond, Instant lastEnqueuedAt) {
    return new BackfillStore.Backfill(
        UUID.randomUUID(),
        SyncReason.BACKFILL,
        EntityKind.VENUE,
        BackfillSelector.ALL,
        null,
        maxPerSecond,
        "admin",
        null,
        lastEnqueuedAt,
        NOW.minusSeconds(120));
  }
}
