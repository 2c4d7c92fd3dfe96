package io.setsync.worker.artist.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.Faults;
import io.setsync.simulator.SimulatedCatalog;
import io.setsync.simulator.SpotifyMode;
import io.setsync.simulator.Upstream;
import io.setsync.simulator.UpstreamSimulator;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.worker.runtime.testing.EventLog;
import io.setsync.worker.runtime.testing.TestRequests;
import io.setsync.worker.runtime.testing.TestSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The artist worker end to end: requests on Kafka, the simulator as Spotify and Ticketmaster, the
 * rows in PostgreSQL, the outcomes and cascades on Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArtistSyncWorkerIntegrationTests {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  // Generated catalog artists, a different one per use; kept small so that tests stay quick.
  private static final AtomicInteger NEXT_ARTIST = new AtomicInteger(4_000);

  private static PostgresDatabase db;
  private static JdbcTemplate jdbc;
  private static UpstreamSimulator simulator;
  private static ConfigurableApplicationContext worker;
  private static EventLog<SpecificRecord> events;
  private static EventLog<byte[]> deadLetters;
  private static TestRequests requests;

  @BeforeAll
  static void start() {
    db = TestInfrastructure.newDatabase();
    jdbc = new JdbcTemplate(db.dataSource());
    simulator = new UpstreamSimulator().start(0);
    worker = ArtistWorkers.start(db, simulator.baseUrl(), Map.of());
    String registry = TestSchemaRegistry.url();
    events =
        EventLog.avro(registry, "sync.outcomes", "sync.requested.show", "sync.requested.venue");
    deadLetters = EventLog.raw("sync.requested.artist-dlt");
    requests = new TestRequests(registry);
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    events.close();
    deadLetters.close();
    requests.close();
  }

  @BeforeEach
  void calmUpstreams() {
    simulator.reset();
  }

  @Test
  @Order(1)
  void syncsAnArtistKnownBySpotifyIdOnlyWithSongsShowsAndCascades() {
    CatalogArtist artist = artistWithEvents();
    UUID artistId = UUID.randomUUID();

    SyncRequested request = requests.send(bySpotifyId(artistId, artist).build());
    SyncCompleted completed = completed(request.getSyncId());

    assertThat(completed.getSpotifyId()).isEqualTo(artist.spotifyId());
    assertThat(completed.getTicketmasterId()).isEqualTo(artist.ticketmasterId());
    assertThat(completed.getChanged()).isTrue();
    assertThat(completed.getCounts())
        .containsEntry("songs", 10L)
        .containsEntry("shows", (long) artist.upcomingEvents())
        .containsEntry("events", (long) artist.upcomingEvents());
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT spotify_id, ticketmaster_id, name, songs_source FROM artists WHERE id = ?",
            artistId);
    assertThat(row)
        .containsEntry("spotify_id", artist.spotifyId())
        .containsEntry("ticketmaster_id", artist.ticketmasterId())
        .containsEntry("name", artist.name())
        .containsEntry("songs_source", "top_tracks");
    assertThat(count("SELECT count(*) FROM songs WHERE artist_id = ?", artistId)).isEqualTo(10);
    assertThat(count("SELECT count(*) FROM shows WHERE artist_id = ?", artistId))
        .isEqualTo(artist.upcomingEvents());
    assertThat(
            count(
                """
                SELECT count(*) FROM shows s JOIN venues v ON v.id = s.venue_id
                WHERE s.artist_id = ? AND v.ticketmaster_id = s.venue_ticketmaster_id
                """,
                artistId))
        .isEqualTo(artist.upcomingEvents());

    List<SyncRequested> cascades = awaitCascades(request.getSyncId(), artist.upcomingEvents());
    List<SyncRequested> showRequests =
        cascades.stream().filter(c -> c.getEntityType() == EntityType.SHOW).toList();
    assertThat(showRequests).hasSize(artist.upcomingEvents());
    assertThat(cascades)
        .allSatisfy(
            cascade -> {
              assertThat(cascade.getReason()).isEqualTo(SyncReason.CASCADE);
              assertThat(cascade.getParentSyncId()).isEqualTo(request.getSyncId());
              assertThat(cascade.getRootSyncId()).isEqualTo(request.getSyncId());
              assertThat(cascade.getSnapshot()).contains(cascade.getTicketmasterId());
              assertThat(cascade.getSnapshotAt()).isNotNull();
            });
    Set<UUID> showIds =
        Set.copyOf(
            jdbc.queryForList("SELECT id FROM shows WHERE artist_id = ?", UUID.class, artistId));
    assertThat(showRequests).extracting(SyncRequested::getEntityId).containsOnlyElementsOf(showIds);
    // A new show is stored queued at the time its sync was asked for, as the projector would.
    assertThat(showRequests)
        .allSatisfy(
            show ->
                assertThat(
                        jdbc.queryForMap(
                            "SELECT sync_status, sync_status_at FROM shows WHERE id = ?",
                            show.getEntityId()))
                    .containsEntry("sync_status", "queued")
                    .containsEntry("sync_status_at", Timestamp.from(show.getOccurredAt())));
    List<SyncRequested> venueRequests =
        cascades.stream().filter(c -> c.getEntityType() == EntityType.VENUE).toList();
    assertThat(venueRequests).isNotEmpty();
    assertThat(venueRequests)
        .allSatisfy(
            venue ->
                assertThat(
                        jdbc.queryForObject(
                            "SELECT ticketmaster_id FROM venues WHERE id = ?",
                            String.class,
                            venue.getEntityId()))
                    .isEqualTo(venue.getTicketmasterId()));
  }

  @Test
  @Order(2)
  void leavesTheStatusOfNewShowsAloneWhenItAsksForNoSyncOfThem() {
    CatalogArtist artist = artistWithEvents();
    UUID artistId = UUID.randomUUID();

    SyncRequested request =
        requests.send(
            bySpotifyId(artistId, artist)
                .setOptions(
                    SyncOptions.newBuilder()
                        .setSkipDependencies(true)
                        .setForceRefresh(false)
                        .build())
                .build());
    SyncCompleted completed = completed(request.getSyncId());

    assertThat(completed.getCounts()).containsEntry("shows", (long) artist.upcomingEvents());
    assertThat(completed.getCounts()).containsEntry("followUps", 0L);
    assertThat(
            count(
                "SELECT count(*) FROM shows WHERE artist_id = ? AND sync_status IS NULL", artistId))
        .isEqualTo(artist.upcomingEvents());
  }

  @Test
  @Order(2)
  void resolvesTheSpotifyArtistOfARequestByTicketmasterId() {
    CatalogArtist artist = artistWithEvents();
    UUID artistId = UUID.randomUUID();

    SyncRequested request =
        requests.send(
            TestRequests.request(EntityType.ARTIST, artistId, null, artist.ticketmasterId())
                .build());
    SyncCompleted completed = completed(request.getSyncId());

    assertThat(completed.getSpotifyId()).isEqualTo(artist.spotifyId());
    assertThat(
            jdbc.queryForObject(
                "SELECT spotify_id FROM artists WHERE id = ?", String.class, artistId))
        .isEqualTo(artist.spotifyId());
    assertThat(count("SELECT count(*) FROM songs WHERE artist_id = ?", artistId)).isEqualTo(10);
  }

  @Test
  @Order(2)
  void syncsAnArtistWithItsShowsByATicketmasterIdTheCatalogDidNotIssue() {
    // Like Ticketmaster, the simulator answers any well-formed id: this one names a generated
    // artist, whose events list the attraction under this id.
    String attractionId = "K8vZ9Unknown1";
    UUID artistId = UUID.randomUUID();

    SyncCompleted completed =
        completed(
            requests
                .send(TestRequests.request(EntityType.ARTIST, artistId, null, attractionId).build())
                .getSyncId());

    long events = completed.getCounts().get("events");
    assertThat(completed.getTicketmasterId()).isEqualTo(attractionId);
    assertThat(completed.getSpotifyId()).isNotNull();
    assertThat(events).isPositive();
    assertThat(completed.getCounts()).containsEntry("shows", events);
    assertThat(
            jdbc.queryForObject(
                "SELECT ticketmaster_id FROM artists WHERE id = ?", String.class, artistId))
        .isEqualTo(attractionId);
    assertThat(count("SELECT count(*) FROM shows WHERE artist_id = ?", artistId))
        .isEqualTo((int) events);
  }

  @Test
  @Order(3)
  void retriesServerErrorsUntilTheySucceed() {
    simulator.faults(Upstream.SPOTIFY, Faults.errors(0.5, 500));
    simulator.faults(Upstream.TICKETMASTER, Faults.errors(0.5, 500));
    CatalogArtist artist = artistWithEvents();
    UUID artistId = UUID.randomUUID();

    SyncCompleted completed =
        completed(requests.send(bySpotifyId(artistId, artist).build()).getSyncId());

    assertThat(completed.getTicketmasterId()).isEqualTo(artist.ticketmasterId());
    assertThat(simulator.stats().spotify().errorsInjected()).isPositive();
    assertThat(simulator.stats().ticketmaster().errorsInjected()).isPositive();
    assertThat(count("SELECT count(*) FROM shows WHERE artist_id = ?", artistId))
        .isEqualTo(artist.upcomingEvents());
  }

  @Test
  @Order(4)
  void failsAtOnceWithNotFoundForAnUnknownAttraction() {
    // The simulator answers any well-formed id, so Ticketmaster's 404 for an unknown one is
    // injected.
    simulator.faults(Upstream.TICKETMASTER, Faults.errors(1.0, 404));
    UUID artistId = UUID.randomUUID();

    SyncRequested request =
        requests.send(
            TestRequests.request(EntityType.ARTIST, artistId, null, "K8vZ9Unknown1").build());
    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    List<SyncFailed> failures = only(outcomes, SyncFailed.class);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getErrorCode()).isEqualTo(SyncErrorCode.NOT_FOUND);
    assertThat(failures.get(0).getRetryable()).isFalse();
    assertThat(failures.get(0).getFinal$()).isTrue();
    assertThat(failures.get(0).getAttempt()).isEqualTo(1);
    assertThat(simulator.stats().ticketmaster().endpoints()).containsOnlyKeys("attraction");
    assertThat(simulator.stats().ticketmaster().errorsInjected()).isEqualTo(1);
  }

  @Test
  @Order(5)
  void pacesA429StormAndEndsWell() {
    simulator.faults(Upstream.TICKETMASTER, Faults.rateLimit(3));
    List<SyncRequested> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(requests.send(bySpotifyId(UUID.randomUUID(), artistWithEvents()).build()));
    }

    for (SyncRequested request : sent) {
      assertThat(last(awaitFinal(request.getSyncId()))).isInstanceOf(SyncCompleted.class);
    }
    assertThat(simulator.stats().ticketmaster().rateLimited()).isPositive();
  }

  @Test
  @Order(6)
  void endsWithAFinalFailureAndADeadLetterWhenTheUpstreamStaysDown() {
    simulator.faults(Upstream.TICKETMASTER, Faults.errors(1.0, 503));
    UUID artistId = UUID.randomUUID();

    SyncRequested request = requests.send(bySpotifyId(artistId, artistWithEvents()).build());
    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    List<SyncFailed> failures = only(outcomes, SyncFailed.class);
    assertThat(failures).extracting(SyncFailed::getAttempt).containsExactly(1, 2, 3);
    assertThat(failures).extracting(SyncFailed::getFinal$).containsExactly(false, false, true);
    assertThat(failures).allMatch(f -> f.getErrorCode() == SyncErrorCode.UPSTREAM_UNAVAILABLE);
    ConsumerRecord<String, byte[]> dead =
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  deadLetters.poll();
                  List<ConsumerRecord<String, byte[]>> found =
                      deadLetters.withKey(artistId.toString());
                  return found.isEmpty() ? null : found.get(0);
                },
                found -> found != null);
    assertThat(header(dead, "setsync-error-code")).isEqualTo("UPSTREAM_UNAVAILABLE");
    assertThat(count("SELECT count(*) FROM shows WHERE artist_id = ?", artistId)).isZero();
  }

  @Test
  @Order(7)
  void theSameRequestTwiceWritesNothingTwice() {
    CatalogArtist artist = artistWithEvents();
    UUID artistId = UUID.randomUUID();
    SyncRequested request = bySpotifyId(artistId, artist).build();

    requests.send(request);
    SyncCompleted first = completed(request.getSyncId());
    requests.send(request);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              events.poll();
              assertThat(of(request.getSyncId(), SyncCompleted.class)).hasSize(2);
            });
    assertThat(of(request.getSyncId(), SyncCompleted.class))
        .extracting(SyncCompleted::getEventId)
        .containsOnly(first.getEventId());
    assertNoDuplicates(artistId, artist);
  }

  @Test
  @Order(8)
  void aWorkerStoppedMidBatchLeavesNothingHalfDoneForTheNextOne() {
    // Slow upstreams make one poll of six artists last about ten seconds; the worker may wait one
    // second for it when stopping, so it abandons the poll uncommitted.
    simulator.faults(Upstream.SPOTIFY, Faults.latency(400));
    simulator.faults(Upstream.TICKETMASTER, Faults.latency(400));
    worker.close();
    List<CatalogArtist> artists = new ArrayList<>();
    List<UUID> artistIds = new ArrayList<>();
    List<SyncRequested> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CatalogArtist artist = artistWithEvents();
      UUID artistId = UUID.randomUUID();
      artists.add(artist);
      artistIds.add(artistId);
      sent.add(requests.send(bySpotifyId(artistId, artist).build()));
    }
    worker =
        ArtistWorkers.start(
            db,
            simulator.baseUrl(),
            Map.of(
                "spring.lifecycle.timeout-per-shutdown-phase", "1s",
                "setsync.worker.requested.concurrency", "1"));
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              events.poll();
              return sent.stream().anyMatch(r -> !of(r.getSyncId(), SyncStarted.class).isEmpty());
            });

    worker.close();
    simulator.reset();
    worker = ArtistWorkers.start(db, simulator.baseUrl(), Map.of());

    for (SyncRequested request : sent) {
      assertThat(last(awaitFinal(request.getSyncId()))).isInstanceOf(SyncCompleted.class);
    }
    // Started by the stopped worker, run again by the next one: the poll was redelivered.
    assertThat(sent).anySatisfy(r -> assertThat(of(r.getSyncId(), SyncStarted.class)).hasSize(2));
    for (SyncRequested request : sent) {
      assertThat(of(request.getSyncId(), SyncCompleted.class))
          .extracting(SyncCompleted::getEventId)
          .containsOnly(of(request.getSyncId(), SyncCompleted.class).get(0).getEventId());
    }
    for (int i = 0; i < artists.size(); i++) {
      assertNoDuplicates(artistIds.get(i), artists.get(i));
    }
    assertThat(
            count(
                "SELECT count(*) FROM processed_syncs WHERE sync_id = ANY (?)",
                (Object) sent.stream().map(SyncRequested::getSyncId).toArray(UUID[]::new)))
        .isEqualTo(sent.size());
  }

  @Test
  @Order(9)
  void developmentModeFallsBackToAlbumTracksForSongs() {
    simulator.spotifyMode(SpotifyMode.DEVELOPMENT);
    CatalogArtist artist = artistWithEvents();
    UUID artistId = UUID.randomUUID();

    SyncCompleted completed =
        completed(requests.send(bySpotifyId(artistId, artist).build()).getSyncId());

    assertThat(completed.getCounts().get("songs")).isPositive();
    assertThat(
            jdbc.queryForObject(
                "SELECT songs_source FROM artists WHERE id = ?", String.class, artistId))
        .isEqualTo("albums");
    assertThat(count("SELECT count(*) FROM songs WHERE artist_id = ?", artistId)).isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM songs WHERE artist_id = ? AND popularity IS NOT NULL",
                artistId))
        .isZero();
  }

  private static void assertNoDuplicates(UUID artistId, CatalogArtist artist) {
    assertThat(count("SELECT count(*) FROM artists WHERE spotify_id = ?", artist.spotifyId()))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM artists WHERE id = ?", artistId)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM songs WHERE artist_id = ?", artistId)).isEqualTo(10);
    assertThat(count("SELECT count(*) FROM shows WHERE artist_id = ?", artistId))
        .isEqualTo(artist.upcomingEvents());
    assertThat(
            count(
                """
                SELECT count(*) FROM (
                  SELECT v.ticketmaster_id FROM venues v GROUP BY v.ticketmaster_id HAVING count(*) > 1
                ) twice
                """))
        .isZero();
  }

  /** A catalog artist not used before, with a few upcoming events. */
  private static CatalogArtist artistWithEvents() {
    while (true) {
      CatalogArtist artist = SimulatedCatalog.generatedArtist(NEXT_ARTIST.getAndIncrement());
      if (artist.upcomingEvents() >= 2 && artist.upcomingEvents() <= 25) {
        return artist;
      }
    }
  }

  private static SyncRequested.Builder bySpotifyId(UUID artistId, CatalogArtist artist) {
    return TestRequests.request(EntityType.ARTIST, artistId, artist.spotifyId(), null);
  }

  private static SyncCompleted completed(UUID syncId) {
    SpecificRecord last = last(awaitFinal(syncId));
    assertThat(last).isInstanceOf(SyncCompleted.class);
    return (SyncCompleted) last;
  }

  private static List<SpecificRecord> awaitFinal(UUID syncId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              events.poll();
              return outcomesOf(syncId);
            },
            outcomes -> !outcomes.isEmpty() && terminal(last(outcomes)));
  }

  /** The cascades of a sync, once {@code shows} show requests and a venue request are there. */
  private static List<SyncRequested> awaitCascades(UUID parentSyncId, int shows) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              events.poll();
              return events
                  .values(
                      e -> e instanceof SyncRequested r && parentSyncId.equals(r.getParentSyncId()))
                  .stream()
                  .map(SyncRequested.class::cast)
                  .collect(Collectors.toList());
            },
            found ->
                found.stream().filter(r -> r.getEntityType() == EntityType.SHOW).count() >= shows
                    && found.stream().anyMatch(r -> r.getEntityType() == EntityType.VENUE));
  }

  private static boolean terminal(SpecificRecord event) {
    return event instanceof SyncCompleted || (event instanceof SyncFailed f && f.getFinal$());
  }

  private static List<SpecificRecord> outcomesOf(UUID syncId) {
    return events.values(
        event ->
            (event instanceof SyncStarted s && s.getSyncId().equals(syncId))
                || (event instanceof SyncCompleted c && c.getSyncId().equals(syncId))
                || (event instanceof SyncFailed f && f.getSyncId().equals(syncId)));
  }

  private static <T> List<T> of(UUID syncId, Class<T> type) {
    return only(outcomesOf(syncId), type);
  }

  private static <T> List<T> only(List<SpecificRecord> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static SpecificRecord last(List<SpecificRecord> events) {
    return events.get(events.size() - 1);
  }

  private static int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
