package io.setsync.api.backfill;

import io.setsync.api.problem.CrossFieldRules;
import io.setsync.api.problem.InvalidField;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/v1/backfills}. */
@Schema(name = "BackfillRequest", description = "Which entities to sync again, and how fast")
record BackfillRequestBody(
    @Schema(
            description = "In any case: ARTIST, SHOW and VENUE, as the events spell them, too",
            allowableValues = {"artist", "show", "venue"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Pattern(
            regexp = "artist|show|venue",
            flags = Pattern.Flag.CASE_INSENSITIVE,
            message = "must be artist, show or venue")
        String entityType,
    @Schema(
            description =
                "all: every entity of the type; stale: never synced or last synced longer than"
                    + " staleAfter ago; failed: whose last sync failed. In any case",
            allowableValues = {"all", "stale", "failed"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Pattern(
            regexp = "all|stale|failed",
            flags = Pattern.Flag.CASE_INSENSITIVE,
            message = "must be all, stale or failed")
        String selector,
    @Schema(
            description = "ISO-8601 duration (P7D, P1W, P1M, PT12H…), required with selector stale",
            example = "P7D")
        @Pattern(
            regexp = IsoDuration.PATTERN,
            message = "must be an ISO-8601 duration, such as P7D, P1M or PT12H")
        String staleAfter,
    @Schema(
            description = "Jobs enqueued per second at most (default 50)",
            minimum = "1",
            maximum = "10000")
        @Min(1)
        @Max(BackfillRequestBody.MAX_PER_SECOND)
        Integer maxPerSecond)
    implements CrossFieldRules {

  static final int MAX_PER_SECOND = 10_000;
  static final int DEFAULT_PER_SECOND = 50;

  @Override
  public List<InvalidField> brokenRules() {
    List<InvalidField> broken = new ArrayList<>();
    boolean stale = BackfillSelector.fromApiName(selector).orElse(null) == BackfillSelector.STALE;
    if (stale && staleAfter == null) {
      broken.add(new InvalidField("staleAfter", "is required with selector stale"));
    }
    // A staleAfter that is not a duration at all is the @Pattern's error.
    if (IsoDuration.isValid(staleAfter)
        && !(IsoDuration.isPositive(staleAfter) && IsoDuration.isAtMost(staleAfter, 100))) {
      broken.add(new InvalidField("staleAfter", "must be longer than zero and at most 100 years"));
    }
    return broken;
  }

  int maxPerSecondOrDefault() {
    return maxPerSecond == null ? DEFAULT_PER_SECOND : maxPerSecond;
  }
}
