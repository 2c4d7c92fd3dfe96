package io.setsync.worker.venue.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
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

/** The venue-linker on real Kafka, PostgreSQL, schema registry and the upstream simulator. */
class VenueLinkerIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(60);

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
            .start(VenueLinkerApplication.class, "venue-linker")
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
  void aVenueFromItsSnapshotIsStoredWithEveryFieldAndLinksTheShowsThatCameBefore() {
    // given: shows that arrived before their venue
    TicketmasterEvent event = firstEvent(201);
    TicketmasterVenue venue = event.venues().get(0);
    List<UUID> shows = List.of(show("ev-201a", venue.id()), show("ev-201b", venue.id()));
    UUID venueId = UUID.randomUUID();
    simulator.reset();

    // when
    SyncRequested request =
        bus.send(
            EventBus.cascade(EntityType.VENUE, venueId, venue.id(), UUID.randomUUID(), venue.raw())
                .build());

    // then
    await().atMost(WAIT).until(() -> bus.completed(Set.of(request.getSyncId())).size() == 1);
    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM venues WHERE ticketmaster_id = ?", venue.id());
    assertThat(row.get("id")).isEqualTo(venueId);
    assertThat(row.get("name")).isEqualTo(venue.name());
    assertThat(row.get("city")).isEqualTo(venue.city());
    assertThat(row.get("state"))
        .isEqualTo(venue.stateCode() != null ? venue.stateCode() : venue.state());
    assertThat(row.get("country")).isEqualTo(venue.countryCode());
    assertThat(row.get("address")).isEqualTo(venue.address());
    assertThat(row.get("postal_code")).isEqualTo(venue.postalCode());
    assertThat((BigDecimal) row.get("latitude"))
        .isEqualByComparingTo(
            BigDecimal.valueOf(venue.latitude()).setScale(6, RoundingMode.HALF_UP));
    assertThat((BigDecimal) row.get("longitude"))
        .isEqualByComparingTo(
            BigDecimal.valueOf(venue.longitude()).setScale(6, RoundingMode.HALF_UP));
    assertThat(row.get("timezone")).isEqualTo(venue.timezone());
    assertThat(row.get("url")).isEqualTo(venue.url());
    assertThat(row.get("image_url")).isEqualTo(venue.imageUrl());
    assertThat(venueOf(shows)).containsOnly(venueId);
    SyncCompleted completed = bus.completed(Set.of(request.getSyncId())).get(0);
    assertThat(completed.getCounts()).containsEntry("venues", 1L).containsEntry("shows", 2L);
    assertThat(simulator.stats().ticketmaster().calls()).isZero();
  }

  @Test
  void manyRequestsForOneVenueInOnePollMakeOneRowAndOneUpstreamCall() {
    // given: no snapshots, several cascades asking for one venue
    TicketmasterVenue venue = firstEvent(202).venues().get(0);
    UUID venueId = UUID.randomUUID();
    List<UUID> shows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      shows.add(show("ev-202-" + i, venue.id()));
    }
    simulator.reset();

    // when
    List<SyncRequested> requests = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      requests.add(bus.send(EventBus.request(EntityType.VENUE, venueId, venue.id()).build()));
    }

    // then
    Set<UUID> syncIds = requests.stream().map(SyncRequested::getSyncId).collect(Collectors.toSet());
    await().atMost(WAIT).until(() -> bus.allTerminal(syncIds));
    assertThat(bus.completed(syncIds)).hasSize(6);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM venues WHERE ticketmaster_id = ?", Long.class, venue.id()))
        .isEqualTo(1);
    UUID stored =
        jdbc.queryForObject(
            "SELECT id FROM venues WHERE ticketmaster_id = ?", UUID.class, venue.id());
    assertThat(venueOf(shows)).containsOnly(stored);
    assertThat(simulator.stats().ticketmaster().calls()).isEqualTo(1);
  }

  @Test
  void aPlaceholderTheShowWorkerMadeIsFilledInPlaceSoItsLinksHold() {
    // given: the show worker made a placeholder row and linked a show to it
    TicketmasterVenue venue = firstEvent(203).venues().get(0);
    UUID placeholder =
        jdbc.queryForObject(
            "INSERT INTO venues (ticketmaster_id) VALUES (?) RETURNING id", UUID.class, venue.id());
    UUID linked = show("ev-203", venue.id());
    jdbc.update("UPDATE shows SET venue_id = ? WHERE id = ?", placeholder, linked);

    // when
    SyncRequested request =
        bus.send(
            EventBus.cascade(
                    EntityType.VENUE, placeholder, venue.id(), UUID.randomUUID(), venue.raw())
                .build());

    // then
    await().atMost(WAIT).until(() -> bus.completed(Set.of(request.getSyncId())).size() == 1);
    assertThat(
            jdbc.queryForObject("SELECT name FROM venues WHERE id = ?", String.class, placeholder))
        .isEqualTo(venue.name());
    assertThat(venueOf(List.of(linked))).containsOnly(placeholder);
  }

  @Test
  void aVenueAskedForByAnIdTheCatalogDidNotIssueIsFetchedAndStoredUnderThatId() {
    // given: like Ticketmaster, the simulator answers any well-formed venue id
    String ticketmasterId = "KovZ917Foreign-1";
    UUID venueId = UUID.randomUUID();
    UUID linked = show("ev-foreign-venue", ticketmasterId);
    simulator.reset();

    // when
    SyncRequested request =
        bus.send(EventBus.request(EntityType.VENUE, venueId, ticketmasterId).build());

    // then
    await().atMost(WAIT).until(() -> bus.completed(Set.of(request.getSyncId())).size() == 1);
    assertThat(simulator.stats().ticketmaster().calls()).isEqualTo(1);
    TicketmasterVenue venue = ticketmaster.venue(ticketmasterId);
    Map<String, Object> row =
        jdbc.queryForMap("SELECT id, name FROM venues WHERE ticketmaster_id = ?", ticketmasterId);
    assertThat(venue.id()).isEqualTo(ticketmasterId);
    assertThat(row.get("id")).isEqualTo(venueId);
    assertThat(row.get("name")).isEqualTo(venue.name());
    assertThat(venueOf(List.of(linked))).containsOnly(venueId);
  }

  @Test
  void aPlaceholderSyncApiMadeForAVenueIdNotStoredYetIsFilledInPlace() {
    // given: the row sync-api inserts for a venue asked for by a Ticketmaster id it did not store
    // yet (only id and ticketmaster_id, queued), here one the catalog did not issue
    String ticketmasterId = "KovZ917Foreign-2";
    UUID placeholder =
        jdbc.queryForObject(
            "INSERT INTO venues (ticketmaster_id, sync_status, sync_status_at)"
                + " VALUES (?, 'queued', now()) RETURNING id",
            UUID.class,
            ticketmasterId);
    simulator.reset();

    // when: the SyncRequested sync-api publishes for it, without a snapshot
    SyncRequested request =
        bus.send(EventBus.request(EntityType.VENUE, placeholder, ticketmasterId).build());

    // then: the venue is fetched and written into the placeholder, which keeps its id
    await().atMost(WAIT).until(() -> bus.completed(Set.of(request.getSyncId())).size() == 1);
    assertThat(simulator.stats().ticketmaster().calls()).isEqualTo(1);
    TicketmasterVenue venue = ticketmaster.venue(ticketmasterId);
    assertThat(
            jdbc.queryForList(
                "SELECT id, name, city, timezone FROM venues WHERE ticketmaster_id = ?",
                ticketmasterId))
        .containsExactly(
            Map.of(
                "id", placeholder,
                "name", venue.name(),
                "city", venue.city(),
                "timezone", venue.timezone()));
    assertThat(bus.completed(Set.of(request.getSyncId())).get(0).getCounts())
        .containsEntry("venues", 1L);
  }

  /** The first event of the first generated artist from number {@code from} on that has one. */
  private TicketmasterEvent firstEvent(int from) {
    for (int n = from; ; n++) {
      CatalogArtist artist = SimulatedCatalog.generatedArtist(n);
      if (artist.upcomingEvents() > 0) {
        return ticketmaster.eventsOfAttraction(artist.ticketmasterId()).get(0);
      }
    }
  }

  private UUID show(String ticketmasterId, String venueTicketmasterId) {
    return jdbc.queryForObject(
        "INSERT INTO shows (ticketmaster_id, venue_ticketmaster_id) VALUES (?, ?) RETURNING id",
        UUID.class,
        ticketmasterId,
        venueTicketmasterId);
  }

  private List<UUID> venueOf(List<UUID> shows) {
    List<UUID> venues = new ArrayList<>();
    for (UUID show : shows) {
      venues.add(jdbc.queryForObject("SELECT venue_id FROM shows WHERE id = ?", UUID.class, show));
    }
    return venues;
  }
}
