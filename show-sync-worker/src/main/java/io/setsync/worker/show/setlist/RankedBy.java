package io.setsync.worker.show.setlist;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What put a song (or a whole list) in its place. */
public enum RankedBy {
  /** Spotify popularity, highest first. */
  POPULARITY,
  /**
   * The fallback: how many of the artist's releases carry the song (see {@link SetlistRanking}).
   */
  APPEARANCES,
  /** Some songs by popularity, the rest by the fallback after them. */
  MIXED,
  /** No songs to rank. */
  NONE;

  @JsonValue
  String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
