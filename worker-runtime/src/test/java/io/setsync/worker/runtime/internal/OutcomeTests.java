package io.setsync.worker.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutcomeTests {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void aCompletedSyncIsRecordedAndNotForwarded() {
    Outcome done =
        Outcome.completed(
            request(), true, true, Map.of("songs", 3L), "sp", "tm", List.of(), NOW, NOW);

    assertThat(done.terminal()).isTrue();
    assertThat(done.forwarded()).isFalse();
  }

  @Test
  void aRetryableFailureIsForwardedAndRecordedOnlyWhenFinal() {
    SyncFailure unavailable = new SyncFailure(ErrorCode.UPSTREAM_UNAVAILABLE, "503");

    Outcome again = Outcome.failed(request(), unavailable, false, NOW, NOW);
    Outcome last = Outcome.failed(request(), unavailable, true, NOW, NOW);

    assertThat(again.forwarded()).isTrue();
    assertThat(again.terminal()).isFalse();
    assertThat(last.forwarded()).isTrue();
    assertThat(last.terminal()).isTrue();
  }

  @Test
  void aNonRetryableFailureEndsAtOnceWithoutADeadLetter() {
    Outcome missing =
        Outcome.failed(request(), new SyncFailure(ErrorCode.NOT_FOUND, "404"), true, NOW, NOW);

    assertThat(missing.terminal()).isTrue();
    assertThat(missing.forwarded()).isFalse();
  }

  @Test
  void aDeferralOnTheLastAttemptTimesOut() {
    Outcome waiting = Outcome.deferred(request(), "artist unknown", List.of(), false, NOW, NOW);
    Outcome gaveUp = Outcome.deferred(request(), "artist unknown", List.of(), true, NOW, NOW);

    assertThat(waiting.status()).isEqualTo(Outcome.Status.DEFERRED);
    assertThat(waiting.forwarded()).isTrue();
    assertThat(waiting.terminal()).isFalse();
    assertThat(gaveUp.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(gaveUp.failure().code()).isEqualTo(ErrorCode.TIMED_OUT);
    assertThat(gaveUp.isFinal()).isTrue();
    assertThat(gaveUp.terminal()).isTrue();
  }

  private static SyncRequest request() {
    UUID syncId = UUID.randomUUID();
    return new SyncRequest(
        syncId,
        syncId,
        null,
        EntityKind.SHOW,
        UUID.randomUUID(),
        null,
        "G5vYZ9",
        SyncRequest.Reason.CASCADE,
        false,
        false,
        "artist-sync-worker",
        1,
        null,
        null,
        NOW);
  }
}
