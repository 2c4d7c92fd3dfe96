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
                "A job with unfinished children shows running until every child has finished")
        String status,
    @Schema(allowableValues = {"USER", "CASCADE", "SCHEDULED", "BACKFILL"}) String reason,
    Instant requestedAt,
    @Schema(nullable = true, description = "null until a worker starts the job") Instant startedAt,
    @Schema(nullable = true, description = "null until the job finishes") Instant finishedAt,
    int attempts,
    @Schema(nullable = true, description = "null unless the job failed") Error error,
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
