package io.setsync.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.api.sync.JobStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LineageTests {

  private static final Instant FINISHED = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void aCompletedJobWithPendingChildrenIsRunning() {
    SyncJobView view =
        Lineage.view(job(JobStatus.COMPLETED), new StatusStore.Descendants(3, 1, 1, 1, FINISHED));

    assertThat(view.status()).isEqualTo("running");
    assertThat(view.finishedAt()).isNull();
    assertThat(view.children()).isEqualTo(new SyncJobView.Children(3, 1, 1, 1));
  }

  @Test
  void aCompletedJobIsCompletedWhenEveryChildFinishedEvenIfSomeFailed() {
    Instant lastChild = FINISHED.plusSeconds(30);

    SyncJobView view =
        Lineage.view(job(JobStatus.COMPLETED), new StatusStore.Descendants(2, 1, 1, 0, lastChild));

    assertThat(view.status()).isEqualTo("completed");
    assertThat(view.finishedAt()).isEqualTo(lastChild);
  }

  @Test
  void aFailedJobIsFailedWhateverItsChildren() {
    SyncJobView view =
        Lineage.view(job(JobStatus.FAILED), new StatusStore.Descendants(1, 0, 0, 1, null));

    assertThat(view.status()).isEqualTo("failed");
    assertThat(view.error()).isEqualTo(new SyncJobView.Error("NOT_FOUND", "gone"));
  }

  private static StatusStore.Job job(JobStatus status) {
    UUID id = UUID.randomUUID();
    return new StatusStore.Job(
        id,
        "artist",
        UUID.randomUUID(),
        status,
        "USER",
        FINISHED.minusSeconds(60),
        FINISHED.minusSeconds(50),
        FINISHED,
        1,
        status == JobStatus.FAILED ? "NOT_FOUND" : null,
        status == JobStatus.FAILED ? "gone" : null,
        null,
        id);
  }
}
