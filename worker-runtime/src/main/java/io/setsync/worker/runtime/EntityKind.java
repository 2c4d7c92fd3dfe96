package io.setsync.worker.runtime;

import java.util.Locale;

/** The kinds of entity Setsync syncs; each has its own worker and topics. */
public enum EntityKind {
  ARTIST,
  SHOW,
  VENUE;

  /** Lower-case name, as in topic names, table values and metric tags: {@code artist}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
