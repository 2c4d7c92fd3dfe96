package io.setsync.api.status;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** {@code GET /api/v1/syncs/{syncId}}: a job with its lineage. */
@Schema(name = "SyncJob")
record SyncJobView(
    UUID syncId,
    @Schema(allowableValues = {"artist", "show", "venue"}) String entityType,
    UUID entityId,
    @Schema(
            allowableValues = {"queued", "running", "completed", "failed"},
            description =
                "Covers the job's whole cascade: a job that completed itself shows running until"
                    + " every job below it (children, their children, …) is completed or failed,"
                    + " then completed (failed ones are counted in children.failed). A job that"
                    + " itself failed shows failed at once. A job whose attempt failed with a"
                    + " retry pending shows running, with that attempt's error")
        String status,
    @Schema(allowableValues = {"USER", "CASCADE", "SCHEDULED", "BACKFILL"}) String reason,
    Instant requestedAt,
    @Schema(nullable = true, description = "null until a worker starts the job") Instant startedAt,
    @Schema(
            nullable = true,
            description =
                "null while status is queued or running. Covers the cascade as status does: once"
                    + " the job and every job below it have finished, the latest finish among"
                    + " them; a job that itself failed, its own finish")
        Instant finishedAt,
    int attempts,
    @Schema(
            nullable = true,
            description =
                "The error of the job's last failed attempt: set when the job failed, and while"
                    + " it is running with a retry of a failed attempt pending (until the retry"
                    + " starts); null otherwise, and always once the job completed")
        Error error,
    @Schema(nullable = true, description = "null unless another job cascaded to this one")
        UUID parentSyncId,
    UUID rootSyncId,
    Children children) {

  @Schema(name = "SyncError")
  record Error(
      @Schema(
              allowableValues = {
                "NOT_FOUND",
                "INVALID_REQUEST",
                "UPSTREAM_UNAVAILABLE",
                "UPSTREAM_RATE_LIMITED",
                "UPSTREAM_AUTH",
                "TIMED_OUT",
                "INTERNAL"
              })
          String code,
      String message) {}

  /** The jobs this one cascaded to, directly or further down. */
  @Schema(name = "SyncChildren")
  record Children(int total, int completed, int failed, int pending) {}
}
