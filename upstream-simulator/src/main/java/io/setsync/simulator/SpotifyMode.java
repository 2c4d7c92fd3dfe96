package io.setsync.simulator;

import java.util.Locale;

/** Spotify's app quota modes; development mode lost endpoints and fields in February 2026. */
public enum SpotifyMode {
  EXTENDED,
  DEVELOPMENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SpotifyMode fromId(String id) {
    for (SpotifyMode mode : values()) {
      if (mode.id().equals(id)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("spotify mode must be extended or development, was " + id);
  }
}
