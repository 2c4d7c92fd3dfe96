package io.setsync.worker.show;

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
import io.setsync.worker.artist.ArtistSyncWorkerApplication;
import io.setsync.worker.runtime.testing.EventBus;
import io.setsync.worker.runtime.testing.TestSchemaRegistry;
import io.setsync.worker.runtime.testing.Workers;
import io.setsync.worker.venue.VenueLinkerApplication;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end through the three workers: an artist sync cascades to its shows and venues, and every
 * one of them ends stored, linked and terminal. Runs once the artist worker has its handler (module
 * artist-sync-worker); the children counts are taken from the events, as the status projector of
 * sync-api counts them.
 */
@EnabledIf("artistWorkerAvailable")
class ArtistCascadeIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private static UpstreamSimulator simulator;
  private static Workers workers;
  private static EventBus bus;
  private static JdbcTemplate jdbc;

  static boolean artistWorkerAvailable() {
    try {
      Class.forName("io.setsync.worker.artist.sync.ArtistSyncHandler");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @BeforeAll
  static void start() {
    EventBus.createTopics();
    simulator = new UpstreamSimulator().start(0);
    PostgresDatabase db = TestInfrastructure.newDatabase();
    jdbc = new JdbcTemplate(db.dataSource());
    workers = new Workers(db, simulator.baseUrl());
    workers.start(
        ArtistSyncWorkerApplication.class,
        "artist-sync-worker",
        Map.of(
            "setsync.spotify.enabled",
            "true",
            "setsync.spotify.api-url",
            simulator.baseUrl(),
            "setsync.spotify.accounts-url",
            simulator.baseUrl(),
            "setsync.spotify.rate-limit.requests-per-second",
            "1000"));
    workers.start(ShowSyncWorkerApplication.class, "show-sync-worker");
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
  void anArtistSyncWithCascadeEndsWithEveryShowLinkedAndSuggestedAndEveryJobTerminal() {
    // given: the artist row sync-api creates for a request by Spotify id
    CatalogArtist artist = artistWithEvents(400, 3);
    UUID artistId =
        jdbc.queryForObject(
            "INSERT INTO artists (spotify_id) VALUES (?) RETURNING id",
            UUID.class,
            artist.spotifyId());

    // when
    SyncRequested root =
        bus.send(
            EventBus.request(EntityType.ARTIST, artistId, null)
                .setSpotifyId(artist.spotifyId())
                .build());

    // then: the artist, and every job of its cascade, end
    await().atMost(WAIT).until(() -> bus.completed(Set.of(root.getSyncId())).size() == 1);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<SyncRequested> cascade = bus.cascadeOf(root.getSyncId());
              Set<UUID> ids = new HashSet<>();
              cascade.forEach(request -> ids.add(request.getSyncId()));
              return !ids.isEmpty() && bus.allTerminal(ids);
            });
    List<SyncRequested> children =
        bus.cascadeOf(root.getSyncId()).stream()
            .filter(request -> root.getSyncId().equals(request.getParentSyncId()))
            .toList();
    Set<UUID> childIds = new HashSet<>();
    children.forEach(child -> childIds.add(child.getSyncId()));
    long completed =
        bus.completed(childIds).stream().map(SyncCompleted::getSyncId).distinct().count();
    long failed =
        bus.failed(childIds).stream()
            .filter(f -> f.getFinal$())
            .map(f -> f.getSyncId())
            .distinct()
            .count();
    SyncCompleted artistDone = bus.completed(Set.of(root.getSyncId())).get(0);
    assertThat((long) childIds.size()).isEqualTo(completed + failed);
    assertThat((long) childIds.size()).isEqualTo(artistDone.getCounts().get("followUps"));
    assertThat(failed).isZero();

    // then: every show of the artist is linked to a synced venue and has suggestions
    List<Map<String, Object>> shows =
        jdbc.queryForList(
            """
            SELECT s.ticketmaster_id, s.venue_id, v.name AS venue_name, v.timezone,
                   s.setlist_suggestions ->> 'rankedBy' AS ranked_by
            FROM shows s LEFT JOIN venues v ON v.id = s.venue_id
            WHERE s.artist_id = ?
            """,
            artistId);
    assertThat(shows).hasSizeGreaterThanOrEqualTo(3);
    assertThat(shows)
        .allSatisfy(
            show -> {
              assertThat(show.get("venue_id")).isNotNull();
              assertThat(show.get("venue_name")).isNotNull();
              assertThat(show.get("timezone")).isNotNull();
              assertThat(show.get("ranked_by")).isIn("popularity", "appearances", "mixed");
            });
  }

  private static CatalogArtist artistWithEvents(int from, int atLeast) {
    for (int n = from; ; n++) {
      CatalogArtist artist = SimulatedCatalog.generatedArtist(n);
      if (artist.upcomingEvents() >= atLeast && artist.upcomingEvents() <= 30) {
        return artist;
      }
    }
  }
}
