package io.setsync.upstream.spotify;

import java.util.List;

/** An artist's songs and where they came from. */
public record ArtistTracks(String artistId, List<SpotifyTrack> tracks, SongSource source) {

  public ArtistTracks {
    tracks = List.copyOf(tracks);
  }
}
