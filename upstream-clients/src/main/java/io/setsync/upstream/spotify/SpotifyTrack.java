package io.setsync.upstream.spotify;

/**
 * A track. {@code popularity} is null where Spotify gives none (album track listings, Development
 * Mode).
 */
public record SpotifyTrack(
    String id,
    String name,
    String albumId,
    String albumName,
    int durationMs,
    Integer popularity,
    int trackNumber,
    String url) {

  /** This track as listed on {@code album}. */
  public SpotifyTrack onAlbum(SpotifyAlbum album) {
    return new SpotifyTrack(
        id, name, album.id(), album.name(), durationMs, popularity, trackNumber, url);
  }
}
