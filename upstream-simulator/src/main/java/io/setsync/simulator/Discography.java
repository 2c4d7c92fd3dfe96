package io.setsync.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An artist's albums and tracks, and the ten tracks Spotify would call its top tracks. */
record Discography(ArtistProfile artist, List<Album> albums, List<Track> topTracks) {

  static final int TOP_TRACKS = 10;
  private static final int TITLE_STEP = 1237; // odd, so titles stay distinct within an artist

  static Discography of(ArtistProfile artist, LocalDate today) {
    int key = artist.key();
    int titleStart = Seeds.between(Seeds.of(key, 20), 0, 4095);
    int ordinal = 0;
    List<Album> albums = new ArrayList<>();
    List<Track> all = new ArrayList<>();
    for (int a = 0; a < artist.albumCount(); a++) {
      long seed = Seeds.of(key, 21, a);
      boolean single = a % 4 == 3;
      int trackCount = single ? Seeds.between(seed, 1, 3) : Seeds.between(seed, 8, 14);
      List<Track> tracks = new ArrayList<>();
      for (int t = 0; t < trackCount; t++) {
        long trackSeed = Seeds.of(key, 22, a << 5 | t);
        int popularity =
            Math.max(
                0,
                Math.min(
                    100,
                    artist.popularity() - 30 + Seeds.between(trackSeed, 0, 35) + (a < 3 ? 8 : 0)));
        Track track =
            new Track(
                key,
                a,
                CatalogIds.spotify(CatalogIds.Kind.TRACK, (long) key << 11 | a << 5 | t),
                Words.title((titleStart + ordinal++ * TITLE_STEP) & 4095),
                t + 1,
                Seeds.between(Seeds.of(trackSeed, 1), 150_000, 330_000),
                popularity,
                Seeds.between(Seeds.of(trackSeed, 2), 0, 9) == 0);
        tracks.add(track);
        all.add(track);
      }
      LocalDate released =
          today.minusDays(40L + a * 190L + Seeds.between(Seeds.of(seed, 1), 0, 120));
      albums.add(
          new Album(
              key,
              a,
              CatalogIds.spotify(CatalogIds.Kind.ALBUM, (long) key << 6 | a),
              single
                  ? tracks.get(0).name()
                  : Words.title(Seeds.between(Seeds.of(seed, 2), 0, 4095)),
              single ? "single" : "album",
              released,
              List.copyOf(tracks)));
    }
    List<Track> top =
        all.stream()
            .sorted(Comparator.comparingInt(Track::popularity).reversed())
            .limit(TOP_TRACKS)
            .toList();
    return new Discography(artist, List.copyOf(albums), top);
  }
}
