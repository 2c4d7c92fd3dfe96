package io.setsync.api.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.api.TestEvents;
import io.setsync.api.outbox.Outbox;
import io.setsync.events.EntityType;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusEventsTests {

  private final TestEvents.Job job = TestEvents.Job.root(EntityType.ARTIST, UUID.randomUUID());

  @Test
  void onlyTheSweepersTimeoutAndTheApisOwnRequestsAreOwnEvents() {
    SyncFailed workerTimedOut = failed("show-sync-worker", SyncErrorCode.TIMED_OUT);
    SyncFailed sweeperTimedOut = failed(Outbox.PRODUCER, SyncErrorCode.TIMED_OUT);
    SyncFailed otherFailureFromSyncApi = failed(Outbox.PRODUCER, SyncErrorCode.INTERNAL);
    SyncRequested cascade = TestEvents.requested(job, Instant.now(), SyncReason.CASCADE);
    SyncRequested userRequest = TestEvents.requested(job, Instant.now(), SyncReason.USER);
    userRequest.put("producer", Outbox.PRODUCER);

    assertThat(StatusEvents.isOwnEvent(sweeperTimedOut)).isTrue();
    assertThat(StatusEvents.isOwnEvent(userRequest)).isTrue();
    assertThat(StatusEvents.isOwnEvent(workerTimedOut)).isFalse();
    assertThat(StatusEvents.isOwnEvent(otherFailureFromSyncApi)).isFalse();
    assertThat(StatusEvents.isOwnEvent(cascade)).isFalse();
  }

  private SyncFailed failed(String producer, SyncErrorCode code) {
    SyncFailed failed = TestEvents.failed(job, Instant.now(), 6, true, code, "gave up");
    failed.put("producer", producer);
    return failed;
  }
}
