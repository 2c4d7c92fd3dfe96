package io.setsync.worker.show.setlist;

import java.util.Objects;
import java.util.UUID;

/**
 * A stored song of an artist, as the ranking sees it.
 *
 * @param popularity Spotify's 0–100 popularity, or {@code null} where Spotify left it out
 *     (Development mode)
 */
public record Song(
    UUID id, String spotifyId, String name, String album, Integer durationMs, Integer popularity) {

  public Song {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spotifyId, "spotifyId");
    Objects.requireNonNull(name, "name");
  }
}
