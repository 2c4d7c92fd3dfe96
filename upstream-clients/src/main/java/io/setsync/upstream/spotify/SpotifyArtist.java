package io.setsync.upstream.spotify;

import java.util.List;

/**
 * A Spotify artist. {@code popularity} and {@code followers} are null, and {@code genres} empty,
 * when Spotify leaves them out (apps in Development Mode since February 2026).
 */
public record SpotifyArtist(
    String id,
    String name,
    List<String> genres,
    Integer popularity,
    Long followers,
    String imageUrl,
    String url) {

  public SpotifyArtist {
    genres = genres == null ? List.of() : List.copyOf(genres);
  }
}
