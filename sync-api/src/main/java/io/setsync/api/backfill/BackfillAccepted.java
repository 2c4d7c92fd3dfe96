package io.setsync.api.backfill;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** The answer to {@code POST /api/v1/backfills}. */
@Schema(name = "BackfillAccepted")
record BackfillAccepted(UUID backfillId) {}
