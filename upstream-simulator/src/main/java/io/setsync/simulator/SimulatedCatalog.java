package io.setsync.simulator;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The simulator's artists, for demos, tests and benchmarks: a few named demo artists and {@value
 * #GENERATED_ARTISTS} generated ones. Everything is derived from the artist's number, so these
 * answers hold for every simulator instance, started or not.
 */
public final class SimulatedCatalog {

  public static final int GENERATED_ARTISTS = Words.NAME_SPACE;

  private static final String LARGE_TOUR = "The Endless Tour";

  private SimulatedCatalog() {}

  public static List<CatalogArtist> demoArtists() {
    return IntStream.range(0, DemoArtist.ALL.size())
        .mapToObj(i -> CatalogArtist.of(ArtistProfile.of(DemoArtist.FIRST_KEY + i)))
        .toList();
  }

  public static Optional<CatalogArtist> demoArtist(String name) {
    return demoArtists().stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Generated artist number {@code n}, {@code 0 <= n < GENERATED_ARTISTS}. */
  public static CatalogArtist generatedArtist(int n) {
    if (n < 0 || n >= GENERATED_ARTISTS) {
      throw new IllegalArgumentException("n must be in [0, " + GENERATED_ARTISTS + ")");
    }
    return CatalogArtist.of(ArtistProfile.of(n));
  }

  /** An artist with more upcoming events than Ticketmaster pages through (over 1,000). */
  public static CatalogArtist largeTour() {
    return demoArtist(LARGE_TOUR).orElseThrow();
  }
}
