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

  @Test
  void issuedTicketmasterIdsNameTheirOwnEntities() {
    int key = DemoArtist.FIRST_KEY + 1;
    List<Event> events = catalog.events(key);

    assertThat(events).allSatisfy(e -> assertThat(catalog.event(e.id())).isEqualTo(e));
    assertThat(catalog.attractionKey(catalog.artist(key).attractionId())).isEqualTo(key);
    assertThat(catalog.attractionKey(CatalogIds.attraction(4242))).isEqualTo(4242);
    assertThat(catalog.venue(CatalogIds.venue(999))).isEqualTo(catalog.venue(999));
  }

  @Test
  void anyWellFormedTicketmasterIdNamesAnEventVenueAndArtistByHash() {
    Catalog other = new Catalog(LocalDate.of(2026, 3, 1));
    // Issued by the scheme, but past the artist's last event: the catalog never handed it out.
    int key = DemoArtist.FIRST_KEY;
    String pastTheTour = CatalogIds.event(key, catalog.artist(key).eventCount());

    for (String id : List.of("vvG1IZ9KBhS3CM", "Z7r9jZ1A7_-x.9", pastTheTour)) {
      Event event = catalog.event(id);

      assertThat(event).isNotNull().isEqualTo(other.event(id));
      assertThat(catalog.events(event.artistKey())).contains(event);
    }
    assertThat(catalog.venue("KovZpZA7AAEA")).isNotNull().isEqualTo(other.venue("KovZpZA7AAEA"));
    assertThat(catalog.attractionKey("K8vZ9171ob7"))
        .isBetween(0, Words.NAME_SPACE - 1)
        .isEqualTo(other.attractionKey("K8vZ9171ob7"));
  }

  @Test
  void illFormedTicketmasterIdsNameNothing() {
    for (String id : List.of("", "x".repeat(65), "not~an~id", "K8vZ9 171ob7")) {
      assertThat(catalog.event(id)).isNull();
      assertThat(catalog.venue(id)).isNull();
      assertThat(catalog.attractionKey(id)).isEqualTo(-1);
    }
  }
}
