package io.setsync.api.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** The answer to an accepted sync request: the new job, or the queued/running one it joined. */
@Schema(name = "SyncAccepted")
record SyncAccepted(
    UUID syncId,
    @Schema(allowableValues = {"queued", "running"}) String status,
    @Schema(allowableValues = {"artist", "show", "venue"}) String entityType,
    UUID entityId,
    @Schema(description = "true if an existing queued or running job was returned")
        boolean coalesced) {}
