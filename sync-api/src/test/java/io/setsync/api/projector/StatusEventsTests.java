package io.setsync.api.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.api.TestEvents;
import io.setsync.api.outbox.Outbox;
import io.setsync.events.EntityType;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncReason;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusEventsTests {

  private final TestEvents.Job job = TestEvents.Job.root(EntityType.ARTIST, UUID.randomUUID());

  @Test
  void onlyTheSweepersOwnTimeoutIsItsVerdict() {
    SyncFailed workerTimedOut = failed("show-sync-worker", SyncErrorCode.TIMED_OUT);
    SyncFailed sweeperTimedOut = failed(Outbox.PRODUCER, SyncErrorCode.TIMED_OUT);
    SyncFailed otherFailureFromSyncApi = failed(Outbox.PRODUCER, SyncErrorCode.INTERNAL);

    assertThat(StatusEvents.isSweeperVerdict(sweeperTimedOut)).isTrue();
    assertThat(StatusEvents.isSweeperVerdict(workerTimedOut)).isFalse();
    assertThat(StatusEvents.isSweeperVerdict(otherFailureFromSyncApi)).isFalse();
    assertThat(
            StatusEvents.isSweeperVerdict(
                TestEvents.requested(job, Instant.now(), SyncReason.USER)))
        .isFalse();
  }

  private SyncFailed failed(String producer, SyncErrorCode code) {
    SyncFailed failed = TestEvents.failed(job, Instant.now(), 6, true, code, "gave up");
    failed.put("producer", producer);
    return failed;
  }
}
