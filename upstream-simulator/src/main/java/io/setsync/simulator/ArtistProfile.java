package io.setsync.simulator;

import java.util.List;

/** Everything about one artist that both APIs agree on, derived from its key alone. */
record ArtistProfile(
    int key,
    String name,
    String spotifyId,
    String attractionId,
    Genre genre,
    List<String> genres,
    int popularity,
    long followers,
    int albumCount,
    int eventCount) {

  static final int KEYS = DemoArtist.FIRST_KEY + DemoArtist.ALL.size();

  static boolean exists(int key) {
    return key >= 0 && key < KEYS;
  }

  static ArtistProfile of(int key) {
    if (!exists(key)) {
      throw new IllegalArgumentException("no artist with key " + key);
    }
    DemoArtist demo = DemoArtist.byKey(key);
    if (demo != null) {
      Genre genre = Genre.ALL.get(demo.genre());
      return new ArtistProfile(
          key,
          demo.name(),
          demo.spotifyId() != null
              ? demo.spotifyId()
              : CatalogIds.spotify(CatalogIds.Kind.ARTIST, key),
          CatalogIds.attraction(key),
          genre,
          genre.spotifyGenres().subList(0, 2),
          demo.popularity(),
          demo.followers(),
          demo.albums(),
          demo.events());
    }
    long seed = Seeds.of(key, 1);
    Genre genre = Seeds.pick(seed, Genre.ALL);
    int genreCount = Seeds.between(Seeds.of(key, 2), 1, 3);
    int popularity = Seeds.between(Seeds.of(key, 3), 5, 85);
    long followers =
        (long) Math.pow(popularity / 10.0 + 1, 6) + Seeds.between(Seeds.of(key, 4), 0, 999);
    return new ArtistProfile(
        key,
        Words.artistName(key),
        CatalogIds.spotify(CatalogIds.Kind.ARTIST, key),
        CatalogIds.attraction(key),
        genre,
        genre.spotifyGenres().subList(0, genreCount),
        popularity,
        followers,
        Seeds.between(Seeds.of(key, 5), 5, 30),
        Seeds.between(Seeds.of(key, 6), 0, 60));
  }
}
