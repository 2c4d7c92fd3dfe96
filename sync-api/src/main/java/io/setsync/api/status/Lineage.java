package io.setsync.api.status;

import io.setsync.api.sync.JobStatus;
import java.time.Instant;

/**
 * What a job shows, given its descendants: a finished job whose cascade still runs shows {@code
 * running} (without {@code finishedAt}); it completes only when every descendant has finished,
 * failed descendants being counted apart. A job that itself failed shows failed at once.
 */
final class Lineage {

  private Lineage() {}

  static SyncJobView view(StatusStore.Job job, StatusStore.Descendants below) {
    JobStatus status = job.status();
    Instant finishedAt = job.finishedAt();
    if (status == JobStatus.COMPLETED && below.pending() > 0) {
      status = JobStatus.RUNNING;
      finishedAt = null;
    } else if (status == JobStatus.COMPLETED
        && below.lastFinished() != null
        && (finishedAt == null || below.lastFinished().isAfter(finishedAt))) {
      finishedAt = below.lastFinished();
    }
    SyncJobView.Error error =
        job.errorCode() == null ? null : new SyncJobView.Error(job.errorCode(), job.errorMessage());
    return new SyncJobView(
        job.syncId(),
        job.entityType(),
        job.entityId(),
        status.value(),
        job.reason(),
        job.requestedAt(),
        job.startedAt(),
        finishedAt,
        job.attempts(),
        error,
        job.parentSyncId(),
        job.rootSyncId(),
        new SyncJobView.Children(
            below.total(), below.completed(), below.failed(), below.pending()));
  }
}
