package io.setsync.api.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of entity a sync is about, with their API name and catalog table. */
public enum EntityKind {
  ARTIST("artist", "artists"),
  SHOW("show", "shows"),
  VENUE("venue", "venues");

  private final String apiName;
  private final String table;

  EntityKind(String apiName, String table) {
    this.apiName = apiName;
    this.table = table;
  }

  /** The name in the HTTP API and in {@code sync_jobs.entity_type}: artist, show, venue. */
  public String apiName() {
    return apiName;
  }

  /** The catalog table holding the entity and its sync columns. */
  public String table() {
    return table;
  }

  /**
   * The kind of an API name in any case: {@code artist}, or {@code ARTIST} as the events spell it
   * and clients reuse it. Empty for null or an unknown name.
   */
  public static Optional<EntityKind> fromApiName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    // Locale.ROOT: under a Turkish default locale, ARTIST would lower-case to "artıst".
    String lowerCase = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(kind -> kind.apiName.equals(lowerCase)).findFirst();
  }
}
