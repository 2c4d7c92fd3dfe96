package io.setsync.api.backfill;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * A backfill's progress.
 *
 * @param status {@code enqueuing} while jobs are still being made, {@code running} once all are
 *     made and some are not finished, {@code completed} once every job completed or failed
 * @param total entities selected; once every job is made, the jobs made
 * @param enqueued jobs made so far
 */
@Schema(name = "Backfill")
record BackfillView(
    UUID backfillId,
    @Schema(allowableValues = {"enqueuing", "running", "completed"}) String status,
    long total,
    long enqueued,
    long completed,
    long failed) {}
