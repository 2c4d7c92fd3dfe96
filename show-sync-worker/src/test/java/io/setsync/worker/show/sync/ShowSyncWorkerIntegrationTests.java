package io.setsync.worker.show.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.SimulatedCatalog;
import io.setsync.simulator.UpstreamSimulator;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.testing.EventBus;
import io.setsync.worker.runtime.testing.TestSchemaRegistry;
import io.setsync.worker.runtime.testing.Workers;
import io.setsync.worker.show.ShowSyncWorkerApplication;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The show worker on real Kafka, PostgreSQL, schema registry and the upstream simulator. */
class ShowSyncWorkerIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static UpstreamSimulator simulator;
  private static Workers workers;
  private static EventBus bus;
  private static JdbcTemplate jdbc;
  private static TicketmasterClient ticketmaster;

  @BeforeAll
  static void start() {
    EventBus.createTopics();
    simulator = new UpstreamSimulator().start(0);
    PostgresDatabase db = TestInfrastructure.newDatabase();
    jdbc = new JdbcTemplate(db.dataSource());
    workers = new Workers(db, simulator.baseUrl());
    ticketmaster =
        workers
            .start(ShowSyncWorkerApplication.class, "show-sync-worker")
            .getBean(TicketmasterClient.class);
    bus = new EventBus(TestSchemaRegistry.url());
  }

  @AfterAll
  static void stop() {
    bus.close();
    workers.close();
    simulator.close();
  }

  @Test
  void cascadedShowsAreStoredFromTheirSnapshotsWithSuggestionsAndTheirVenuesAskedFor() {
    // given: an artist the artist worker synced, with songs and its shows
    CatalogArtist artist = SimulatedCatalog.generatedArtist(101);
    UUID artistId = storeSyncedArtist(artist, List.of(55, 90, 10, 70));
    List<TicketmasterEvent> events = ticketmaster.eventsOfAttraction(artist.ticketmasterId());
    List<TicketmasterEvent> some = events.subList(0, Math.min(4, events.size()));
    UUID root = UUID.randomUUID();
    simulator.reset();

    // when
    List<SyncRequested> requests = new ArrayList<>();
    for (TicketmasterEvent event : some) {
      UUID showId = storeShowAsTheArtistWorkerDoes(event, artistId);
      requests.add(
          bus.send(
              EventBus.cascade(EntityType.SHOW, showId, event.id(), root, event.raw()).build()));
    }

    // then
    Set<UUID> syncIds = syncIds(requests);
    await().atMost(WAIT).until(() -> bus.completed(syncIds).size() == syncIds.size());
    for (TicketmasterEvent event : some) {
      Map<String, Object> show = show(event.id());
      assertThat(show.get("name")).isEqualTo(event.name());
      assertThat(((Timestamp) show.get("starts_at")).toInstant()).isEqualTo(event.startsAt());
      assertThat(show.get("local_date").toString()).isEqualTo(event.localDate().toString());
      assertThat(show.get("status")).isEqualTo(event.status());
      assertThat(show.get("url")).isEqualTo(event.url());
      assertThat(show.get("image_url")).isEqualTo(event.imageUrl());
      assertThat(show.get("artist_id")).isEqualTo(artistId);
      assertThat(show.get("venue_id")).isEqualTo(venueId(event.venueIds().get(0)));
      JsonNode suggestions = JSON.readTree(show.get("setlist_suggestions").toString());
      assertThat(suggestions.path("rankedBy").asString()).isEqualTo("popularity");
      assertThat(suggestions.path("songs").findValuesAsString("name"))
          .containsExactly("Song 90", "Song 70", "Song 55", "Song 10");
    }
    assertThat(simulator.stats().ticketmaster().calls()).isZero();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(bus.requestedBy(syncIds))
                    .extracting(SyncRequested::getTicketmasterId)
                    .containsExactlyInAnyOrderElementsOf(
                        some.stream().map(e -> e.venueIds().get(0)).distinct().toList()));
    assertThat(bus.requestedBy(syncIds))
        .allSatisfy(
            venue -> {
              assertThat(venue.getEntityType()).isEqualTo(EntityType.VENUE);
              assertThat(venue.getReason()).isEqualTo(SyncReason.CASCADE);
              assertThat(venue.getRootSyncId()).isEqualTo(root);
              assertThat(venue.getSnapshot()).contains(venue.getTicketmasterId());
            });
  }

  @Test
  void aRequestWithoutSnapshotFetchesTheEventOnce() {
    // given
    CatalogArtist artist = SimulatedCatalog.generatedArtist(102);
    UUID artistId = storeSyncedArtist(artist, List.of(30, 20));
    TicketmasterEvent event = ticketmaster.eventsOfAttraction(artist.ticketmasterId()).get(0);
    UUID showId = storeShowAsTheArtistWorkerDoes(event, artistId);
    simulator.reset();

    // when
    SyncRequested request = bus.send(EventBus.request(EntityType.SHOW, showId, null).build());

    // then
    await().atMost(WAIT).until(() -> bus.completed(Set.of(request.getSyncId())).size() == 1);
    assertThat(simulator.stats().ticketmaster().calls()).isEqualTo(1);
    assertThat(show(event.id()).get("name")).isEqualTo(event.name());
  }

  @Test
  void aPlaceholderSyncApiMadeForAnEventIdNotStoredYetIsFilledInPlace() {
    // given: the row sync-api inserts for a show asked for by a Ticketmaster id it did not store
    // yet (only id and ticketmaster_id, queued), here one the catalog did not issue, which the
    // simulator answers like Ticketmaster; and the event's artist, synced
    String ticketmasterId = "vvG1zZ9KbQpXyZ";
    TicketmasterEvent event = ticketmaster.event(ticketmasterId);
    UUID artistId =
        jdbc.queryForObject(
            "INSERT INTO artists (spotify_id, ticketmaster_id, name) VALUES (?, ?, ?) RETURNING id",
            UUID.class,
            "sp-" + ticketmasterId,
            event.attractionIds().get(0),
            "Headliner");
    insertSong(artistId, "Song 50", 50);
    UUID placeholder =
        jdbc.queryForObject(
            "INSERT INTO shows (ticketmaster_id, sync_status, sync_status_at)"
                + " VALUES (?, 'queued', now()) RETURNING id",
            UUID.class,
            ticketmasterId);
    simulator.reset();

    // when: the SyncRequested sync-api publishes for it
    SyncRequested request =
        bus.send(EventBus.request(EntityType.SHOW, placeholder, ticketmasterId).build());

    // then: the event is fetched once and written into the placeholder, which keeps its id
    await().atMost(WAIT).until(() -> bus.completed(Set.of(request.getSyncId())).size() == 1);
    assertThat(simulator.stats().ticketmaster().calls()).isEqualTo(1);
    assertThat(event.id()).isEqualTo(ticketmasterId);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM shows WHERE ticketmaster_id = ?", Long.class, ticketmasterId))
        .isEqualTo(1);
    Map<String, Object> show = show(ticketmasterId);
    assertThat(show.get("id")).isEqualTo(placeholder);
    assertThat(show.get("name")).isEqualTo(event.name());
    assertThat(((Timestamp) show.get("starts_at")).toInstant()).isEqualTo(event.startsAt());
    assertThat(show.get("status")).isEqualTo(event.status());
    assertThat(show.get("url")).isEqualTo(event.url());
    assertThat(show.get("artist_id")).isEqualTo(artistId);
    assertThat(show.get("venue_ticketmaster_id")).isEqualTo(event.venueIds().get(0));
    assertThat(show.get("venue_id")).isEqualTo(venueId(event.venueIds().get(0)));
    JsonNode suggestions = JSON.readTree(show.get("setlist_suggestions").toString());
    assertThat(suggestions.path("songs").findValuesAsString("name")).containsExactly("Song 50");
    assertThat(bus.completed(Set.of(request.getSyncId())).get(0).getCounts())
        .containsEntry("shows", 1L);
  }

  @Test
  void aShowBeforeItsArtistWaitsForTheArtistsSyncThenGetsSuggestionsByTheFallback() {
    // given: nothing stored of the artist
    CatalogArtist artist = SimulatedCatalog.generatedArtist(103);
    TicketmasterEvent event = ticketmaster.eventsOfAttraction(artist.ticketmasterId()).get(0);

    // when
    SyncRequested request =
        bus.send(EventBus.request(EntityType.SHOW, UUID.randomUUID(), event.id()).build());

    // then: the artist is asked for, with lineage, and the show waits
    await().atMost(WAIT).until(() -> !bus.requestedBy(Set.of(request.getSyncId())).isEmpty());
    SyncRequested artistRequest =
        bus.requestedBy(Set.of(request.getSyncId())).stream()
            .filter(r -> r.getEntityType() == EntityType.ARTIST)
            .findFirst()
            .orElseThrow();
    assertThat(artistRequest.getTicketmasterId()).isEqualTo(artist.ticketmasterId());
    assertThat(artistRequest.getReason()).isEqualTo(SyncReason.CASCADE);
    assertThat(artistRequest.getRootSyncId()).isEqualTo(request.getSyncId());
    UUID placeholder = artistRequest.getEntityId();
    assertThat(show(event.id()).get("artist_id")).isEqualTo(placeholder);
    assertThat(bus.completed(Set.of(request.getSyncId()))).isEmpty();
    assertThat(bus.failed(Set.of(request.getSyncId()))).isEmpty();

    // when: the artist worker syncs the artist, in Development mode (no popularity), in one
    // transaction
    new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()))
        .executeWithoutResult(
            status -> {
              jdbc.update(
                  "UPDATE artists SET spotify_id = ?, name = ? WHERE id = ?",
                  artist.spotifyId(),
                  artist.name(),
                  placeholder);
              insertSong(placeholder, "Deep Cut", null);
              insertSong(placeholder, "Classic", null);
              insertSong(placeholder, "Classic - Live", null);
            });

    // then
    await().atMost(WAIT).until(() -> bus.completed(Set.of(request.getSyncId())).size() == 1);
    JsonNode suggestions = JSON.readTree(show(event.id()).get("setlist_suggestions").toString());
    assertThat(suggestions.path("rankedBy").asString()).isEqualTo("appearances");
    assertThat(suggestions.path("songs").findValuesAsString("name"))
        .containsExactly("Classic", "Deep Cut");
  }

  @Test
  void aShowWhoseArtistNeverSyncsTimesOutAfterTheRetries() {
    // given
    CatalogArtist artist = SimulatedCatalog.generatedArtist(104);
    TicketmasterEvent event = ticketmaster.eventsOfAttraction(artist.ticketmasterId()).get(0);

    // when
    SyncRequested request =
        bus.send(EventBus.request(EntityType.SHOW, UUID.randomUUID(), event.id()).build());

    // then
    await()
        .atMost(WAIT)
        .until(() -> bus.failed(Set.of(request.getSyncId())).stream().anyMatch(f -> f.getFinal$()));
    SyncFailed failed = bus.failed(Set.of(request.getSyncId())).get(0);
    assertThat(failed.getErrorCode().name()).isEqualTo(ErrorCode.TIMED_OUT.name());
    assertThat(failed.getErrorMessage()).contains(artist.ticketmasterId());
    assertThat(show(event.id()).get("name")).isEqualTo(event.name());
  }

  @Test
  void aCancelledShowGetsItsStatusAndKeepsItsSuggestions() {
    // given: a synced show with suggestions
    CatalogArtist artist = SimulatedCatalog.generatedArtist(105);
    UUID artistId = storeSyncedArtist(artist, List.of(40, 80));
    TicketmasterEvent event = ticketmaster.eventsOfAttraction(artist.ticketmasterId()).get(0);
    UUID showId = storeShowAsTheArtistWorkerDoes(event, artistId);
    UUID root = UUID.randomUUID();
    SyncRequested first =
        bus.send(EventBus.cascade(EntityType.SHOW, showId, event.id(), root, event.raw()).build());
    await().atMost(WAIT).until(() -> bus.completed(Set.of(first.getSyncId())).size() == 1);
    Object suggestionsBefore = show(event.id()).get("setlist_suggestions");

    // when: Ticketmaster now says cancelled
    ObjectNode cancelled = (ObjectNode) JSON.readTree(event.raw());
    ((ObjectNode) cancelled.path("dates").path("status")).put("code", "cancelled");
    SyncRequested second =
        bus.send(
            EventBus.cascade(EntityType.SHOW, showId, event.id(), root, cancelled.toString())
                .setSnapshotAt(java.time.Instant.now().plusSeconds(1))
                .build());

    // then
    await().atMost(WAIT).until(() -> bus.completed(Set.of(second.getSyncId())).size() == 1);
    Map<String, Object> show = show(event.id());
    assertThat(show.get("status")).isEqualTo("cancelled");
    assertThat(show.get("setlist_suggestions")).isEqualTo(suggestionsBefore);
  }

  @Test
  void whenAnArtistsSongsChangeTheSuggestionsOfItsSyncedShowsAreRecomputed() {
    // given: synced shows, and one the artist worker inserted whose sync has not run
    CatalogArtist artist = SimulatedCatalog.generatedArtist(106);
    UUID artistId = storeSyncedArtist(artist, List.of(10, 20));
    List<TicketmasterEvent> events = ticketmaster.eventsOfAttraction(artist.ticketmasterId());
    UUID root = UUID.randomUUID();
    List<SyncRequested> requests = new ArrayList<>();
    for (TicketmasterEvent event : events.subList(0, Math.min(3, events.size()))) {
      UUID showId = storeShowAsTheArtistWorkerDoes(event, artistId);
      requests.add(
          bus.send(
              EventBus.cascade(EntityType.SHOW, showId, event.id(), root, event.raw()).build()));
    }
    await().atMost(WAIT).until(() -> bus.completed(syncIds(requests)).size() == requests.size());
    UUID notSynced =
        jdbc.queryForObject(
            "INSERT INTO shows (ticketmaster_id, artist_id) VALUES (?, ?) RETURNING id",
            UUID.class,
            "not-synced-106",
            artistId);

    // when: a new hit, and the artist worker reports the change
    insertSong(artistId, "New Hit", 99);
    bus.artistSynced(artistId, true);

    // then: the synced shows get new suggestions, in the refresh's one statement
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT setlist_suggestions -> 'songs' -> 0 ->> 'name' FROM shows"
                                + " WHERE artist_id = ? AND id <> ?",
                            String.class,
                            artistId,
                            notSynced))
                    .hasSize(requests.size())
                    .containsOnly("New Hit"));
    // then: the show without suggestions is left to its own sync
    assertThat(
            jdbc.queryForObject(
                "SELECT setlist_suggestions::text FROM shows WHERE id = ?",
                String.class,
                notSynced))
        .isNull();
  }

  // --- what the artist worker would have stored

  private UUID storeSyncedArtist(CatalogArtist artist, List<Integer> popularities) {
    UUID id =
        jdbc.queryForObject(
            "INSERT INTO artists (spotify_id, ticketmaster_id, name) VALUES (?, ?, ?) RETURNING id",
            UUID.class,
            artist.spotifyId(),
            artist.ticketmasterId(),
            artist.name());
    for (Integer popularity : popularities) {
      insertSong(id, "Song " + popularity, popularity);
    }
    return id;
  }

  private void insertSong(UUID artistId, String name, Integer popularity) {
    jdbc.update(
        "INSERT INTO songs (spotify_id, artist_id, name, album, duration_ms, popularity)"
            + " VALUES (?, ?, ?, 'Album', 200000, ?)",
        UUID.randomUUID().toString(),
        artistId,
        name,
        popularity);
  }

  private UUID storeShowAsTheArtistWorkerDoes(TicketmasterEvent event, UUID artistId) {
    return jdbc.queryForObject(
        "INSERT INTO shows (ticketmaster_id, artist_id, venue_ticketmaster_id, name)"
            + " VALUES (?, ?, ?, ?) RETURNING id",
        UUID.class,
        event.id(),
        artistId,
        event.venueIds().get(0),
        event.name());
  }

  private Map<String, Object> show(String ticketmasterId) {
    return jdbc.queryForMap(
        "SELECT id, artist_id, venue_id, venue_ticketmaster_id, name, starts_at, local_date,"
            + " status, url, image_url, setlist_suggestions::text AS setlist_suggestions"
            + " FROM shows WHERE ticketmaster_id = ?",
        ticketmasterId);
  }

  private UUID venueId(String ticketmasterId) {
    return jdbc.queryForObject(
        "SELECT id FROM venues WHERE ticketmaster_id = ?", UUID.class, ticketmasterId);
  }

  private static Set<UUID> syncIds(List<SyncRequested> requests) {
    return requests.stream().map(SyncRequested::getSyncId).collect(Collectors.toSet());
  }
}
