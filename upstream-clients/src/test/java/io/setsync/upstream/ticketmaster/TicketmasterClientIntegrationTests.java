package io.setsync.upstream.ticketmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.Faults;
import io.setsync.simulator.SimulatedCatalog;
import io.setsync.simulator.SimulatorOptions;
import io.setsync.simulator.Upstream;
import io.setsync.simulator.UpstreamSimulator;
import io.setsync.simulator.UpstreamStats;
import io.setsync.upstream.TestUpstreams;
import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.http.RateLimitSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketmasterClientIntegrationTests {

  private static final CatalogArtist RADIOHEAD =
      SimulatedCatalog.demoArtist("Radiohead").orElseThrow();
  private static UpstreamSimulator simulator;
  private SimpleMeterRegistry registry;
  private TicketmasterClient client;

  @BeforeAll
  static void startSimulator() {
    simulator = new UpstreamSimulator().start(0);
  }

  @AfterAll
  static void stopSimulator() {
    simulator.stop();
  }

  @BeforeEach
  void freshClient() {
    simulator.reset();
    registry = new SimpleMeterRegistry();
    client = new TicketmasterClient(TestUpstreams.ticketmaster(simulator.baseUrl()), registry);
  }

  @Test
  void listsAllUpcomingEventsOfAnAttractionInStartOrder() {
    List<TicketmasterEvent> events = client.eventsOfAttraction(RADIOHEAD.ticketmasterId());

    assertThat(events).hasSize(RADIOHEAD.upcomingEvents());
    assertThat(events).isSortedAccordingTo(Comparator.comparing(TicketmasterEvent::startsAt));
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.attractionIds()).containsExactly(RADIOHEAD.ticketmasterId());
              assertThat(event.venues()).hasSize(1);
              assertThat(event.venues().get(0).raw()).contains(event.venueIds().get(0));
              assertThat(event.raw()).startsWith("{").contains(event.id());
            });
    assertThat(ticketmaster().calls("events")).isEqualTo(1);
  }

  @Test
  void listsMoreThanTheThousandEventsDiscoveryPagesThroughUsingDateWindows() {
    CatalogArtist largeTour = SimulatedCatalog.largeTour();

    List<TicketmasterEvent> events = client.eventsOfAttraction(largeTour.ticketmasterId());

    assertThat(largeTour.upcomingEvents()).isGreaterThan(1000);
    assertThat(events).hasSize(largeTour.upcomingEvents());
    assertThat(events).extracting(TicketmasterEvent::id).doesNotHaveDuplicates();
    assertThat(events).isSortedAccordingTo(Comparator.comparing(TicketmasterEvent::startsAt));
    assertThat(ticketmaster().calls("events")).isGreaterThan(5);
  }

  @Test
  void readsAnEventAsListedAndItsVenueFromTheEmbeddedSnapshot() {
    TicketmasterEvent listed = client.eventsOfAttraction(RADIOHEAD.ticketmasterId()).get(0);

    TicketmasterEvent event = client.event(listed.id());
    TicketmasterVenue venue = client.venue(listed.venueIds().get(0));

    assertThat(event).isEqualTo(listed);
    assertThat(client.eventFromSnapshot(event.raw())).isEqualTo(event);
    assertThat(client.venueFromSnapshot(listed.venues().get(0).raw())).isEqualTo(venue);
    assertThat(venue.latitude()).isNotNull();
    assertThat(venue.timezone()).isEqualTo(event.timezone());
  }

  @Test
  void anUnknownEventIsNotFoundAndNotRetried() {
    // The simulator answers any well-formed id, so Discovery's 404 for an unknown one is injected.
    simulator.faults(Upstream.TICKETMASTER, Faults.errors(1.0, 404));

    assertThatThrownBy(() -> client.event("vvG1doesNotExist"))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.code()).isEqualTo(UpstreamErrorCode.NOT_FOUND);
              assertThat(e.retryable()).isFalse();
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.getMessage())
                  .contains("Resource not found")
                  .contains("id=vvG1doesNotExist");
            });
    assertThat(ticketmaster().calls("event")).isEqualTo(1);
  }

  @Test
  void readsAnEventAndAVenueWhoseIdsHaveDots() {
    TicketmasterEvent event = client.event("G5v.Z9.x");
    TicketmasterVenue venue = client.venue("..");

    assertThat(event.id()).isEqualTo("G5v.Z9.x");
    assertThat(venue.id()).isEqualTo("..");
    assertThat(ticketmaster().calls("event")).isEqualTo(1);
    assertThat(ticketmaster().calls("venue")).isEqualTo(1);
  }

  @Test
  void refusesAnIllFormedIdWithoutCallingTicketmaster() {
    for (String id : List.of("", "a/b", "a b", "ä", "x".repeat(65))) {
      assertThatThrownBy(() -> client.event(id))
          .isInstanceOfSatisfying(
              UpstreamException.class,
              e -> {
                assertThat(e.code()).isEqualTo(UpstreamErrorCode.INVALID_REQUEST);
                assertThat(e.retryable()).isFalse();
              });
    }
    assertThat(ticketmaster().calls()).isZero();
  }

  @Test
  void retriesAnOutageAndSucceeds() {
    simulator.faults(Upstream.TICKETMASTER, Faults.errors(0.5, 503));

    TicketmasterAttraction attraction = client.attraction(RADIOHEAD.ticketmasterId());

    assertThat(attraction.name()).isEqualTo("Radiohead");
    assertThat(ticketmaster().calls("attraction")).isEqualTo(2);
  }

  @Test
  void aRejectedApiKeyIsAnAuthFailureAndNotRetried() {
    try (UpstreamSimulator strict =
        new UpstreamSimulator(
                SimulatorOptions.defaults().withCredentials(null, null, "the-right-key"))
            .start(0)) {
      TicketmasterClient wrongKey =
          new TicketmasterClient(
              TestUpstreams.ticketmaster(
                  strict.baseUrl(),
                  "a-wrong-key",
                  TestUpstreams.fastRetry(),
                  TestUpstreams.unlimited()),
              registry);

      assertThatThrownBy(() -> wrongKey.venue("KovZpZA7AAEA"))
          .isInstanceOfSatisfying(
              UpstreamException.class,
              e -> {
                assertThat(e.code()).isEqualTo(UpstreamErrorCode.UPSTREAM_AUTH);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("Invalid ApiKey").doesNotContain("a-wrong-key");
              });
      assertThat(strict.stats().of(Upstream.TICKETMASTER).calls("venue")).isEqualTo(1);
    }
  }

  @Test
  void aLimiterAtTheQuotaDrawsNo429s() throws Exception {
    simulator.faults(Upstream.TICKETMASTER, Faults.rateLimit(20));
    TicketmasterClient paced =
        new TicketmasterClient(
            TestUpstreams.ticketmaster(
                simulator.baseUrl(),
                "test-key",
                TestUpstreams.fastRetry(),
                new RateLimitSettings(20, Duration.ofSeconds(10))),
            registry);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<TicketmasterAttraction>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String id = SimulatedCatalog.generatedArtist(i).ticketmasterId();
        calls.add(CompletableFuture.supplyAsync(() -> paced.attraction(id), pool));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdownNow();
    }

    assertThat(ticketmaster().calls("attraction")).isEqualTo(50);
    assertThat(ticketmaster().rateLimited()).isZero();
  }

  @Test
  void withoutALimiterTheSameLoadDraws429sThatAreWaitedOut() throws Exception {
    simulator.faults(Upstream.TICKETMASTER, Faults.rateLimit(20));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<TicketmasterAttraction>> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String id = SimulatedCatalog.generatedArtist(i).ticketmasterId();
        calls.add(CompletableFuture.supplyAsync(() -> client.attraction(id), pool));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdownNow();
    }

    assertThat(ticketmaster().rateLimited()).isPositive();
    assertThat(registry.get("setsync.upstream.quota.remaining").gauge().value()).isPositive();
  }

  @Test
  void findsTheAttractionOfASpotifyArtistByNameAndItsSpotifyId() {
    CatalogArtist generated = SimulatedCatalog.generatedArtist(777);

    TicketmasterAttraction attraction = client.findAttractionByName(generated.name()).orElseThrow();

    assertThat(attraction.id()).isEqualTo(generated.ticketmasterId());
    assertThat(attraction.spotifyId()).isEqualTo(generated.spotifyId());
    assertThat(attraction.upcomingEvents()).isEqualTo(generated.upcomingEvents());
    assertThat(client.searchAttractions("No Such Act Anywhere")).isEmpty();
  }

  @Test
  void anUnchangedVenueIsAnswered304() {
    TicketmasterVenue venue = client.venue(radioheadVenue());

    assertThat(client.venueIfChanged(venue.id())).isEmpty();
    assertThat(registry.get("setsync.upstream.not.modified").counter().count()).isEqualTo(1.0);
  }

  private String radioheadVenue() {
    return client.eventsOfAttraction(RADIOHEAD.ticketmasterId()).get(0).venueIds().get(0);
  }

  private UpstreamStats ticketmaster() {
    return simulator.stats().of(Upstream.TICKETMASTER);
  }
}
