package io.setsync.simulator;

import java.util.Locale;

/** The two APIs the simulator stands in for. */
public enum Upstream {
  SPOTIFY,
  TICKETMASTER;

  /** The lower-case name used by the control endpoints and stats. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Upstream fromId(String id) {
    for (Upstream upstream : values()) {
      if (upstream.id().equals(id)) {
        return upstream;
      }
    }
    throw new IllegalArgumentException("upstream must be spotify or ticketmaster, was " + id);
  }
}
