package io.setsync.upstream.spotify;

/** Where an artist's songs came from. */
public enum SongSource {
  /** Spotify's top tracks, with popularity. */
  TOP_TRACKS,
  /** The tracks of the artist's albums and singles, used where top tracks are unavailable. */
  ALBUMS
}
