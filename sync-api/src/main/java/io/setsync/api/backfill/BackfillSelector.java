package io.setsync.api.backfill;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which entities a backfill syncs, as a condition on the entity table (alias {@code e}). */
enum BackfillSelector {
  /** Every entity of the type. */
  ALL("all", "true"),
  /** Never synced, or last synced before the backfill's {@code staleBefore}. */
  STALE("stale", "(e.last_sync IS NULL OR e.last_sync < :staleBefore)"),
  /** Whose last sync failed. */
  FAILED("failed", "e.sync_status = 'failed'");

  private final String apiName;
  private final String condition;

  BackfillSelector(String apiName, String condition) {
    this.apiName = apiName;
    this.condition = condition;
  }

  String apiName() {
    return apiName;
  }

  /** SQL of the selection; a constant of this enum, never built from input. */
  String condition() {
    return condition;
  }

  /** The selector of an API name in any case ({@code stale}, {@code STALE}); empty if unknown. */
  static Optional<BackfillSelector> fromApiName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lowerCase = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(selector -> selector.apiName.equals(lowerCase))
        .findFirst();
  }
}
