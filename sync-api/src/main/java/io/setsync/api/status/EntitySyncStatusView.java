package io.setsync.api.status;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** {@code GET /api/v1/{artists,shows,venues}/{id}/sync-status}. */
@Schema(name = "EntitySyncStatus")
record EntitySyncStatusView(
    UUID entityId,
    @Schema(
            allowableValues = {"queued", "syncing", "synced", "failed"},
            nullable = true,
            description = "null if the entity was never synced")
        String syncStatus,
    @Schema(nullable = true, description = "null until a sync of the entity completes")
        Instant lastSync,
    @Schema(nullable = true, description = "null unless the last finished sync failed")
        String lastSyncError) {}
