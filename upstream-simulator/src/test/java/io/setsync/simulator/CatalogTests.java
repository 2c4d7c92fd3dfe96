package io.setsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogTests {

  private final Catalog catalog = new Catalog(LocalDate.of(2026, 3, 1));

  @Test
  void everyGeneratedNameLeadsBackToItsArtist() {
    for (int key = 0; key < Words.NAME_SPACE; key++) {
      assertThat(Words.artistKey(Words.artistName(key))).isEqualTo(key);
    }
    assertThat(catalog.keyForName("  velvet   HARBOR band "))
        .isEqualTo(Words.artistKey("Velvet Harbor Band"));
    assertThat(catalog.keyForName("radiohead")).isEqualTo(DemoArtist.FIRST_KEY);
    assertThat(catalog.keyForName("Velvet Harbor")).isEqualTo(-1);
  }

  @Test
  void artistsHaveTenTopTracksFiveToThirtyAlbumsAndUpToSixtyEvents() {
    for (int key = 0; key < 300; key++) {
      ArtistProfile artist = catalog.artist(key);
      Discography discography = catalog.discography(key);

      assertThat(artist.albumCount()).isBetween(5, 30);
      assertThat(artist.eventCount()).isBetween(0, 60);
      assertThat(discography.albums()).hasSize(artist.albumCount());
      assertThat(discography.topTracks()).hasSize(10);
      assertThat(catalog.events(key)).hasSize(artist.eventCount());
    }
  }

  @Test
  void theSameKeyGivesTheSameArtistInEveryCatalog() {
    Catalog other = new Catalog(LocalDate.of(2026, 3, 1));

    assertThat(other.artist(31337)).isEqualTo(catalog.artist(31337));
    assertThat(other.discography(31337)).isEqualTo(catalog.discography(31337));
    assertThat(other.events(31337)).isEqualTo(catalog.events(31337));
  }

  @Test
  void artistsShareVenues() {
    Map<Integer, Set<Integer>> artistsByVenue = new HashMap<>();
    IntStream.range(0, 500)
        .forEach(
            key ->
                catalog
                    .events(key)
                    .forEach(
                        event ->
                            artistsByVenue
                                .computeIfAbsent(event.venueIndex(), v -> new HashSet<>())
                                .add(key)));

    assertThat(artistsByVenue.values())
        .anySatisfy(artists -> assertThat(artists).hasSizeGreaterThan(3));
  }

  @Test
  void eventsAreUpcomingAndInStartOrder() {
    List<Event> events = catalog.events(DemoArtist.FIRST_KEY + 1);

    assertThat(events).isSortedAccordingTo(java.util.Comparator.comparing(Event::startsAt));
    assertThat(events).allSatisfy(e -> assertThat(e.localDate()).isAfter(catalog.today()));
    assertThat(catalog.event(events.get(5).id())).isEqualTo(events.get(5));
  }

  @Test
  void anyWellFormedSpotifyIdNamesAnArtistAndAlbum() {
    assertThat(catalog.spotifyArtistKey("0TnOYISbd1XYRBk9myaseg"))
        .isBetween(0, Words.NAME_SPACE - 1);
    assertThat(catalog.spotifyArtistKey("0TnOYISbd1XYRBk9myaseg"))
        .isEqualTo(catalog.spotifyArtistKey("0TnOYISbd1XYRBk9myaseg"));
    assertThat(catalog.album("6dVIqQ8qmQ5GBnJ9shOYGE")).isNotNull();
    assertThat(catalog.spotifyArtistKey("not-an-id")).isEqualTo(-1);
  }

  @Test
  void demoArtistsKeepTheirRealSpotifyIdsAndResolveFromBothSides() {
    CatalogArtist radiohead = SimulatedCatalog.demoArtist("radiohead").orElseThrow();

    assertThat(radiohead.spotifyId()).isEqualTo("4Z8W4fKeB5YxbusRsdQVPb");
    assertThat(catalog.spotifyArtistKey(radiohead.spotifyId()))
        .isEqualTo(catalog.attractionKey(radiohead.ticketmasterId()));
    assertThat(SimulatedCatalog.largeTour().upcomingEvents()).isGreaterThan(1000);
  }
}
