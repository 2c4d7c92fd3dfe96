package io.setsync.worker.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncRequested;
import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.SimulatedCatalog;
import io.setsync.simulator.UpstreamSimulator;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import io.setsync.upstream.ticketmaster.TicketmasterVenue;
import io.setsync.worker.runtime.testing.EventBus;
import io.setsync.worker.runtime.testing.TestSchemaRegistry;
import io.setsync.worker.runtime.testing.Workers;
import io.setsync.worker.venue.VenueLinkerApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The show worker and the venue-linker together: the order in which shows, venues and artists
 * arrive does not change the final database, and two instances of each lose no link and make no
 * duplicate.
 */
class ShowsAndVenuesIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(90);

  private static UpstreamSimulator simulator;
  private static Workers workers;
  private static EventBus bus;
  private static JdbcTemplate jdbc;
  private static TransactionTemplate transactions;
  private static TicketmasterClient ticketmaster;

  @BeforeAll
  static void start() {
    EventBus.createTopics();
    simulator = new UpstreamSimulator().start(0);
    PostgresDatabase db = TestInfrastructure.newDatabase();
    jdbc = new JdbcTemplate(db.dataSource());
    transactions = new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()));
    workers = new Workers(db, simulator.baseUrl());
    ticketmaster =
        workers
            .start(ShowSyncWorkerApplication.class, "show-sync-worker")
            .getBean(TicketmasterClient.class);
    workers.start(VenueLinkerApplication.class, "venue-linker");
    bus = new EventBus(TestSchemaRegistry.url());
  }

  @AfterAll
  static void stop() {
    bus.close();
    workers.close();
    simulator.close();
  }

  @Test
  void theOrderOfArrivalDoesNotChangeTheFinalDatabase() {
    // given
    CatalogArtist artist = artistWithEvents(300, 5);
    List<TicketmasterEvent> events = events(artist, 5);

    // when: the artist, then its shows, then their venues
    reset();
    storeSyncedArtist(artist);
    awaitTerminal(sendShows(events, true));
    awaitTerminal(sendVenues(events));
    List<Map<String, Object>> artistShowsVenues = finalDatabase();

    // when: the venues first, then the artist, then the shows
    reset();
    awaitTerminal(sendVenues(events));
    storeSyncedArtist(artist);
    awaitTerminal(sendShows(events, true));
    List<Map<String, Object>> venuesArtistShows = finalDatabase();

    // when: the shows before their artist (they wait for it), the venues, then the artist
    reset();
    Set<UUID> shows = sendShows(events, false);
    await().atMost(WAIT).until(() -> artistAskedForBy(shows));
    awaitTerminal(sendVenues(events));
    fillArtistPlaceholder(artist);
    awaitTerminal(shows);
    List<Map<String, Object>> showsVenuesArtist = finalDatabase();

    // when: everything at once, shuffled
    reset();
    storeSyncedArtist(artist);
    List<SyncRequested> all = new ArrayList<>(showRequests(events, true));
    all.addAll(venueRequests(events));
    Collections.shuffle(all, new Random(7));
    awaitTerminal(send(all));
    List<Map<String, Object>> atOnce = finalDatabase();

    // then
    assertThat(artistShowsVenues).hasSize(events.size());
    assertThat(artistShowsVenues)
        .allSatisfy(
            show -> {
              assertThat(show.get("venue")).isEqualTo(show.get("venue_ticketmaster_id"));
              assertThat(show.get("artist")).isEqualTo(artist.ticketmasterId());
              assertThat(show.get("setlist")).isNotNull();
              assertThat(show.get("venue_name")).isNotNull();
            });
    assertThat(venuesArtistShows).isEqualTo(artistShowsVenues);
    assertThat(showsVenuesArtist).isEqualTo(artistShowsVenues);
    assertThat(atOnce).isEqualTo(artistShowsVenues);
  }

  @Test
  void twoInstancesOfEachWorkerMakeNoDuplicateAndLoseNoLink() {
    // given: a second instance of each worker in the same consumer groups
    reset();
    workers.start(ShowSyncWorkerApplication.class, "show-sync-worker");
    workers.start(VenueLinkerApplication.class, "venue-linker");
    List<TicketmasterEvent> events = new ArrayList<>();
    for (int n : List.of(310, 320, 330)) {
      CatalogArtist artist = artistWithEvents(n, 4);
      storeSyncedArtist(artist);
      events.addAll(events(artist, 12));
    }

    // when: every show and venue asked for at once, venues twice, in random order
    List<SyncRequested> all = new ArrayList<>(showRequests(events, true));
    all.addAll(venueRequests(events));
    all.addAll(venueRequests(events));
    Collections.shuffle(all, new Random(11));
    awaitTerminal(send(all));

    // then
    List<Map<String, Object>> shows = finalDatabase();
    assertThat(shows).hasSize(events.size());
    assertThat(shows)
        .allSatisfy(
            show -> {
              assertThat(show.get("venue")).isEqualTo(show.get("venue_ticketmaster_id"));
              assertThat(show.get("venue_name")).isNotNull();
              assertThat(show.get("setlist")).isNotNull();
            });
    long distinctVenues = events.stream().map(e -> e.venueIds().get(0)).distinct().count();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM venues", Long.class))
        .isEqualTo(distinctVenues);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM shows", Long.class))
        .isEqualTo(events.size());
  }

  // --- scenario steps

  private Set<UUID> sendShows(List<TicketmasterEvent> events, boolean withSnapshot) {
    return send(showRequests(events, withSnapshot));
  }

  private Set<UUID> sendVenues(List<TicketmasterEvent> events) {
    return send(venueRequests(events));
  }

  private static List<SyncRequested> showRequests(
      List<TicketmasterEvent> events, boolean withSnapshot) {
    List<SyncRequested> requests = new ArrayList<>();
    for (TicketmasterEvent event : events) {
      UUID root = UUID.randomUUID();
      requests.add(
          withSnapshot
              ? EventBus.cascade(EntityType.SHOW, UUID.randomUUID(), event.id(), root, event.raw())
                  .build()
              : EventBus.request(EntityType.SHOW, UUID.randomUUID(), event.id()).build());
    }
    return requests;
  }

  private static List<SyncRequested> venueRequests(List<TicketmasterEvent> events) {
    Map<String, TicketmasterVenue> venues = new LinkedHashMap<>();
    events.forEach(event -> venues.putIfAbsent(event.venueIds().get(0), event.venues().get(0)));
    List<SyncRequested> requests = new ArrayList<>();
    venues.forEach(
        (id, venue) ->
            requests.add(
                EventBus.cascade(
                        EntityType.VENUE, UUID.randomUUID(), id, UUID.randomUUID(), venue.raw())
                    .build()));
    return requests;
  }

  private Set<UUID> send(List<SyncRequested> requests) {
    Set<UUID> syncIds = new HashSet<>();
    requests.forEach(request -> syncIds.add(bus.send(request).getSyncId()));
    return syncIds;
  }

  /** Waits until these syncs, and the venue syncs they asked for, are all over. */
  private void awaitTerminal(Set<UUID> syncIds) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Set<UUID> all = new HashSet<>(syncIds);
              bus.requestedBy(syncIds).stream()
                  .filter(request -> request.getEntityType() == EntityType.VENUE)
                  .forEach(request -> all.add(request.getSyncId()));
              return bus.allTerminal(all);
            });
  }

  private boolean artistAskedForBy(Set<UUID> showSyncIds) {
    Set<UUID> asking = new HashSet<>();
    bus.requestedBy(showSyncIds).stream()
        .filter(request -> request.getEntityType() == EntityType.ARTIST)
        .forEach(request -> asking.add(request.getParentSyncId()));
    return jdbc.queryForObject("SELECT count(*) FROM shows", Long.class) == showSyncIds.size()
        && !asking.isEmpty();
  }

  // --- what the artist worker would have done, and the database as compared

  private void reset() {
    jdbc.execute("TRUNCATE shows, venues, songs, artists, processed_syncs");
  }

  /** As the artist worker does: the artist and its songs in one transaction. */
  private void storeSyncedArtist(CatalogArtist artist) {
    transactions.executeWithoutResult(status -> insertArtistAndSongs(artist));
  }

  private void insertArtistAndSongs(CatalogArtist artist) {
    UUID id =
        jdbc.queryForObject(
            "INSERT INTO artists (spotify_id, ticketmaster_id, name) VALUES (?, ?, ?) RETURNING id",
            UUID.class,
            artist.spotifyId(),
            artist.ticketmasterId(),
            artist.name());
    insertSongs(id, artist);
  }

  private void fillArtistPlaceholder(CatalogArtist artist) {
    transactions.executeWithoutResult(status -> fillPlaceholderAndAddSongs(artist));
  }

  private void fillPlaceholderAndAddSongs(CatalogArtist artist) {
    UUID id =
        jdbc.queryForObject(
            "UPDATE artists SET spotify_id = ?, name = ? WHERE ticketmaster_id = ? RETURNING id",
            UUID.class,
            artist.spotifyId(),
            artist.name(),
            artist.ticketmasterId());
    insertSongs(id, artist);
  }

  private void insertSongs(UUID artistId, CatalogArtist artist) {
    for (int i = 0; i < 8; i++) {
      jdbc.update(
          "INSERT INTO songs (spotify_id, artist_id, name, album, duration_ms, popularity)"
              + " VALUES (?, ?, ?, 'Album', 200000, ?)",
          artist.spotifyId() + "-" + i,
          artistId,
          "Song " + i,
          i % 3 == 0 ? null : (i * 13) % 100);
    }
  }

  /** Every show with its artist and venue by natural key, its setlist by Spotify ids. */
  private List<Map<String, Object>> finalDatabase() {
    return jdbc.queryForList(
        """
        SELECT s.ticketmaster_id, a.ticketmaster_id AS artist, a.spotify_id AS artist_spotify_id,
               a.name AS artist_name, v.ticketmaster_id AS venue, s.venue_ticketmaster_id,
               s.name, s.starts_at, s.local_date, s.status, s.url, s.image_url,
               v.name AS venue_name, v.city, v.state, v.country, v.address, v.postal_code,
               v.latitude, v.longitude, v.timezone, v.url AS venue_url, v.image_url AS venue_image,
               s.setlist_suggestions ->> 'rankedBy' AS ranked_by,
               (SELECT string_agg(so.spotify_id, ',' ORDER BY (e ->> 'position')::int)
                FROM jsonb_array_elements(s.setlist_suggestions -> 'songs') e
                JOIN songs so ON so.id = (e ->> 'songId')::uuid) AS setlist
        FROM shows s
        LEFT JOIN artists a ON a.id = s.artist_id
        LEFT JOIN venues v ON v.id = s.venue_id
        ORDER BY s.ticketmaster_id
        """);
  }

  private CatalogArtist artistWithEvents(int from, int atLeast) {
    for (int n = from; ; n++) {
      CatalogArtist artist = SimulatedCatalog.generatedArtist(n);
      if (artist.upcomingEvents() >= atLeast) {
        return artist;
      }
    }
  }

  private List<TicketmasterEvent> events(CatalogArtist artist, int most) {
    List<TicketmasterEvent> events = ticketmaster.eventsOfAttraction(artist.ticketmasterId());
    return List.copyOf(events.subList(0, Math.min(most, events.size())));
  }
}
