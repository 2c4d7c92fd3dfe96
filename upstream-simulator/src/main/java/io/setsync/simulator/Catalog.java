package io.setsync.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The simulated world: artists, their discographies and tours, and the shared venues. */
final class Catalog {

  private final LocalDate today;
  private final BoundedCache<Integer, ArtistProfile> profiles = new BoundedCache<>(50_000);
  private final BoundedCache<Integer, Discography> discographies = new BoundedCache<>(2_000);
  private final BoundedCache<Integer, List<Event>> tours = new BoundedCache<>(5_000);
  private final List<Venue> venues;

  Catalog(LocalDate today) {
    this.today = today;
    List<Venue> all = new ArrayList<>(Venue.COUNT);
    for (int i = 0; i < Venue.COUNT; i++) {
      all.add(Venue.of(i));
    }
    this.venues = List.copyOf(all);
  }

  LocalDate today() {
    return today;
  }

  ArtistProfile artist(int key) {
    return profiles.get(key, ArtistProfile::of);
  }

  Discography discography(int key) {
    return discographies.get(key, k -> Discography.of(artist(k), today));
  }

  /** The artist's events in start order. */
  List<Event> events(int key) {
    return tours.get(key, this::tour);
  }

  Venue venue(int index) {
    return venues.get(index);
  }

  /**
   * The event an event id names, or null when the id is ill-formed. An id the catalog did not issue
   * still names one: an event of an artist with events, both chosen by hashing the id.
   */
  Event event(String id) {
    if (!CatalogIds.isWellFormedTicketmaster(id)) {
      return null;
    }
    long ref = CatalogIds.eventRef(id);
    if (ref >= 0) {
      int key = (int) (ref >>> CatalogIds.EVENT_INDEX_BITS);
      int index = (int) (ref & ((1 << CatalogIds.EVENT_INDEX_BITS) - 1));
      if (ArtistProfile.exists(key) && index < artist(key).eventCount()) {
        return events(key).stream().filter(e -> e.index() == index).findFirst().orElseThrow();
      }
    }
    return foreignEvent(Seeds.hash(id));
  }

  /**
   * The venue a venue id names, or null when the id is ill-formed; one the catalog did not issue
   * names a venue chosen by hashing the id.
   */
  Venue venue(String id) {
    if (!CatalogIds.isWellFormedTicketmaster(id)) {
      return null;
    }
    int index = CatalogIds.venueIndex(id);
    return index >= 0 && index < Venue.COUNT
        ? venues.get(index)
        : Seeds.pick(Seeds.hash(id), venues);
  }

  /**
   * The artist key of an attraction id, or -1 when the id is ill-formed; one the catalog did not
   * issue names an artist chosen by hashing the id.
   */
  int attractionKey(String id) {
    if (!CatalogIds.isWellFormedTicketmaster(id)) {
      return -1;
    }
    int key = CatalogIds.attractionKey(id);
    return ArtistProfile.exists(key) ? key : foreignKey(Seeds.hash(id));
  }

  /**
   * The artist a Spotify artist id names, or -1 when the id is ill-formed. Ids the catalog did not
   * issue still name an artist (chosen by hashing the id), as any well-formed id does on Spotify.
   */
  int spotifyArtistKey(String id) {
    if (!CatalogIds.isWellFormedSpotify(id)) {
      return -1;
    }
    int demo = DemoArtist.keyOfSpotifyId(id);
    if (demo >= 0) {
      return demo;
    }
    CatalogIds.SpotifyRef ref = CatalogIds.spotifyRef(id);
    if (ref != null
        && ref.kind() == CatalogIds.Kind.ARTIST
        && ArtistProfile.exists((int) ref.payload())) {
      return (int) ref.payload();
    }
    return foreignKey(Seeds.hash(id));
  }

  /** The album a Spotify album id names, or null when the id is ill-formed. */
  Album album(String id) {
    if (!CatalogIds.isWellFormedSpotify(id)) {
      return null;
    }
    CatalogIds.SpotifyRef ref = CatalogIds.spotifyRef(id);
    if (ref != null && ref.kind() == CatalogIds.Kind.ALBUM) {
      int key = (int) (ref.payload() >>> 6);
      int index = (int) (ref.payload() & 63);
      if (ArtistProfile.exists(key) && index < artist(key).albumCount()) {
        return discography(key).albums().get(index);
      }
    }
    List<Album> albums = discography(foreignKey(Seeds.hash(id))).albums();
    return albums.get((int) Long.remainderUnsigned(Seeds.hash(id + "#album"), albums.size()));
  }

  /** The artist with exactly this name (any case), or -1. */
  int keyForName(String name) {
    String normalized = Words.normalize(name);
    int demo = DemoArtist.keyOfName(normalized);
    return demo >= 0 ? demo : Words.artistKey(normalized);
  }

  /** Artists whose name is or contains the query as whole words: the exact match first. */
  List<Integer> searchByName(String query) {
    String normalized = Words.normalize(query);
    List<Integer> keys = new ArrayList<>();
    if (normalized.isEmpty()) {
      return keys;
    }
    int exact = keyForName(normalized);
    if (exact >= 0) {
      keys.add(exact);
    }
    for (int i = 0; i < DemoArtist.ALL.size(); i++) {
      int key = DemoArtist.FIRST_KEY + i;
      String name = " " + Words.normalize(DemoArtist.ALL.get(i).name()) + " ";
      if (key != exact && name.contains(" " + normalized + " ")) {
        keys.add(key);
      }
    }
    return keys;
  }

  private List<Event> tour(int key) {
    ArtistProfile artist = artist(key);
    long seed = Seeds.of(key, 31);
    String tourName =
        Seeds.between(seed, 0, 1) == 0
            ? null
            : Words.title(Seeds.between(Seeds.of(seed, 1), 0, 4095)) + " Tour";
    List<Event> events = new ArrayList<>(artist.eventCount());
    for (int i = 0; i < artist.eventCount(); i++) {
      events.add(Event.of(artist, i, tourName, today));
    }
    events.sort(Comparator.comparing(Event::startsAt).thenComparing(Event::id));
    return List.copyOf(events);
  }

  private Event foreignEvent(long hash) {
    int key = foreignKey(hash);
    for (long n = 1; artist(key).eventCount() == 0; n++) {
      key = foreignKey(Seeds.of(hash, n));
    }
    return Seeds.pick(Seeds.of(hash, 0), events(key));
  }

  /** A generated artist for an id the catalog did not issue, from the id's hash. */
  private static int foreignKey(long hash) {
    return (int) Long.remainderUnsigned(hash, Words.NAME_SPACE);
  }
}
