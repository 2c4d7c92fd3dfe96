package io.setsync.worker.show.setlist;

import java.util.List;

/**
 * What {@code shows.setlist_suggestions} holds. Deterministic: the same songs give the same value,
 * byte for byte, so no timestamp is part of it.
 *
 * @param rankedBy what ordered the list (each song also says what placed it)
 * @param songsSource where the artist worker got the songs ({@code artists.songs_source}: {@code
 *     top_tracks}, or {@code albums} in Spotify Development mode), or null when it did not say
 * @param songsFingerprint {@link SongsFingerprint} of the songs it was computed from, so a change
 *     of the artist's songs is seen by comparing fingerprints
 */
public record SetlistSuggestions(
    int version,
    RankedBy rankedBy,
    String songsSource,
    String songsFingerprint,
    List<SuggestedSong> songs) {

  public static final int CURRENT_VERSION = 1;

  public SetlistSuggestions {
    songs = List.copyOf(songs);
  }
}
