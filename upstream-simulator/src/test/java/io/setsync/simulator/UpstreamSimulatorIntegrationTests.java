package io.setsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.simulator.SimulatorHttp.Answer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class UpstreamSimulatorIntegrationTests {

  private static final CatalogArtist RADIOHEAD =
      SimulatedCatalog.demoArtist("Radiohead").orElseThrow();
  private static UpstreamSimulator simulator;
  private static SimulatorHttp http;

  @BeforeAll
  static void start() {
    simulator = new UpstreamSimulator().start(0);
    http = new SimulatorHttp(simulator.baseUrl());
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  @BeforeEach
  void reset() {
    assertThat(http.control("/__sim/reset", "{}").status()).isEqualTo(200);
    simulator.tokenLifetime(Duration.ofHours(1));
  }

  @Test
  void issuesTokensOnlyForClientCredentialsInBasicAuth() {
    Answer noCredentials = http.post("/api/token", "grant_type=client_credentials", Map.of());
    Answer noGrant = http.post("/api/token", "", Map.of("Authorization", "Basic dGVzdDp0ZXN0"));
    Answer granted =
        http.post(
            "/api/token",
            "grant_type=client_credentials",
            Map.of("Authorization", "Basic dGVzdDp0ZXN0"));

    assertThat(noCredentials.status()).isEqualTo(400);
    assertThat(noCredentials.body().get("error").asString()).isEqualTo("invalid_client");
    assertThat(noGrant.status()).isEqualTo(400);
    assertThat(noGrant.body().get("error").asString()).isEqualTo("unsupported_grant_type");
    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.body().get("token_type").asString()).isEqualTo("Bearer");
    assertThat(granted.body().get("expires_in").asLong()).isEqualTo(3600);
  }

  @Test
  void refusesSpotifyCallsWithoutAValidToken() {
    Answer none = http.get("/v1/artists/" + RADIOHEAD.spotifyId(), Map.of());
    Answer bogus = http.spotify("/v1/artists/" + RADIOHEAD.spotifyId(), "BQnope");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.body().at("/error/message").asString()).isEqualTo("No token provided");
    assertThat(bogus.status()).isEqualTo(401);
    assertThat(bogus.body().at("/error/message").asString()).isEqualTo("Invalid access token");
  }

  @Test
  void tokensExpireAfterTheirLifetime() {
    simulator.tokenLifetime(Duration.ofSeconds(1));
    String token = http.token();
    assertThat(http.spotify("/v1/artists/" + RADIOHEAD.spotifyId(), token).status()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              Answer expired = http.spotify("/v1/artists/" + RADIOHEAD.spotifyId(), token);
              assertThat(expired.status()).isEqualTo(401);
              assertThat(expired.body().at("/error/message").asString())
                  .isEqualTo("The access token expired");
            });
  }

  @Test
  void developmentModeRefusesBatchAndTopTracksAndDropsPopularity() {
    String token = http.token();
    Answer mode = http.control("/__sim/mode", "{\"spotify\":\"development\"}");

    Answer several = http.spotify("/v1/artists?ids=" + RADIOHEAD.spotifyId(), token);
    Answer top = http.spotify("/v1/artists/" + RADIOHEAD.spotifyId() + "/top-tracks", token);
    JsonNode artist = http.spotify("/v1/artists/" + RADIOHEAD.spotifyId(), token).body();
    Answer search = http.spotify("/v1/search?q=Radiohead&type=artist&limit=20", token);

    assertThat(mode.body().get("spotify").asString()).isEqualTo("development");
    assertThat(several.status()).isEqualTo(403);
    assertThat(top.status()).isEqualTo(403);
    assertThat(artist.has("popularity")).isFalse();
    assertThat(artist.has("followers")).isFalse();
    assertThat(artist.has("genres")).isFalse();
    assertThat(artist.get("name").asString()).isEqualTo("Radiohead");
    assertThat(search.status()).isEqualTo(400);
  }

  @Test
  void extendedModeAnswersBatchesOfUpToFiftyIds() {
    String token = http.token();
    String fiftyOne =
        String.join(
            ",",
            java.util.stream.IntStream.range(0, 51)
                .mapToObj(n -> SimulatedCatalog.generatedArtist(n).spotifyId())
                .toList());

    Answer batch =
        http.spotify("/v1/artists?ids=" + RADIOHEAD.spotifyId() + ",4gzpq5DPGxSnKTe1SA8hKP", token);
    Answer tooMany = http.spotify("/v1/artists?ids=" + fiftyOne, token);

    assertThat(batch.body().get("artists")).hasSize(2);
    assertThat(batch.body().at("/artists/1/name").asString()).isEqualTo("Coldplay");
    assertThat(tooMany.status()).isEqualTo(400);
  }

  @Test
  void rateLimitsWith429AndRetryAfterAndCountsThem() {
    http.control("/__sim/faults", "{\"upstream\":\"ticketmaster\",\"ratePerSecond\":2}");

    Answer first =
        http.ticketmaster("/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId() + ".json");
    Answer second =
        http.ticketmaster("/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId() + ".json");
    Answer third =
        http.ticketmaster("/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId() + ".json");
    JsonNode stats = http.get("/__sim/stats", Map.of()).body();

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.header("Retry-After")).isEqualTo("1");
    assertThat(third.body().at("/fault/detail/errorcode").asString())
        .isEqualTo("policies.ratelimit.QuotaViolation");
    assertThat(stats.at("/ticketmaster/rateLimited").asLong()).isEqualTo(1);
    assertThat(stats.at("/ticketmaster/endpoints/attraction").asLong()).isEqualTo(3);
    assertThat(stats.at("/ticketmaster/calls").asLong()).isEqualTo(3);
  }

  @Test
  void injectsErrorsAtTheGivenRateAndStatus() {
    http.control(
        "/__sim/faults", "{\"upstream\":\"spotify\",\"errorRate\":0.5,\"errorStatus\":503}");
    String token = http.token();

    Answer first = http.spotify("/v1/artists/" + RADIOHEAD.spotifyId(), token);
    Answer second = http.spotify("/v1/artists/" + RADIOHEAD.spotifyId(), token);

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.body().at("/error/status").asInt()).isEqualTo(503);
    assertThat(second.status()).isEqualTo(200);
    assertThat(simulator.stats().spotify().errorsInjected()).isEqualTo(1);
  }

  @Test
  void addsLatency() {
    http.control("/__sim/faults", "{\"upstream\":\"ticketmaster\",\"latencyMs\":300}");
    long start = System.nanoTime();

    Answer answer = http.ticketmaster("/discovery/v2/attractions.json?keyword=Coldplay");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void refusesBadControlRequests() {
    assertThat(http.control("/__sim/faults", "{\"upstream\":\"myspace\"}").status()).isEqualTo(400);
    assertThat(http.control("/__sim/faults", "{\"upstream\":\"spotify\",\"errorRate\":2}").status())
        .isEqualTo(400);
    assertThat(http.control("/__sim/mode", "{\"spotify\":\"turbo\"}").status()).isEqualTo(400);
    assertThat(http.control("/__sim/mode", "not json").status()).isEqualTo(400);
  }

  @Test
  void resetClearsFaultsModeAndCounts() {
    http.control("/__sim/faults", "{\"upstream\":\"ticketmaster\",\"errorRate\":1}");
    http.control("/__sim/mode", "{\"spotify\":\"development\"}");
    http.ticketmaster("/discovery/v2/venues/x.json");

    http.control("/__sim/reset", "{}");

    assertThat(
            http.ticketmaster("/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId()).status())
        .isEqualTo(200);
    SimulatorStats stats = simulator.stats();
    assertThat(stats.mode()).isEqualTo(SpotifyMode.EXTENDED);
    assertThat(stats.ticketmaster().calls()).isEqualTo(1);
    assertThat(stats.ticketmaster().errorsInjected()).isZero();
  }

  @Test
  void answers304ToAConditionalRequestForAnUnchangedEntity() {
    Answer first =
        http.ticketmaster("/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId() + ".json");
    Answer again =
        http.get(
            "/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId() + ".json?apikey=x",
            Map.of("If-None-Match", first.header("ETag")));

    assertThat(first.header("ETag")).isNotBlank();
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isNull();
  }

  @Test
  void ticketmasterRequiresAnApiKeyAndSendsItsQuotaHeaders() {
    Answer missing = http.get("/discovery/v2/events.json", Map.of());
    Answer answered =
        http.ticketmaster("/discovery/v2/events.json?attractionId=" + RADIOHEAD.ticketmasterId());

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body().at("/fault/detail/errorcode").asString())
        .isEqualTo("steps.oauth.v2.FailedToResolveAPIKey");
    assertThat(answered.header("Rate-Limit")).isEqualTo("5000");
    assertThat(answered.header("Rate-Limit-Available")).isNotBlank();
    assertThat(answered.header("Rate-Limit-Reset")).isNotBlank();
  }

  @Test
  void pagesEventsUpToTheThousandthOnly() {
    String attraction = SimulatedCatalog.largeTour().ticketmasterId();

    Answer lastAllowed =
        http.ticketmaster(
            "/discovery/v2/events.json?attractionId=" + attraction + "&size=200&page=4");
    Answer tooDeep =
        http.ticketmaster(
            "/discovery/v2/events.json?attractionId=" + attraction + "&size=200&page=5");

    assertThat(lastAllowed.status()).isEqualTo(200);
    assertThat(lastAllowed.body().at("/_embedded/events")).hasSize(200);
    assertThat(lastAllowed.body().at("/page/totalElements").asInt())
        .isEqualTo(SimulatedCatalog.largeTour().upcomingEvents());
    assertThat(lastAllowed.body().at("/_links/next/href").asString()).contains("page=5");
    assertThat(tooDeep.status()).isEqualTo(400);
    assertThat(tooDeep.body().at("/errors/0/code").asString()).isEqualTo("DIS1035");
  }

  @Test
  void filtersEventsByStartAndEndDateTime() {
    String base = "/discovery/v2/events.json?size=200&attractionId=" + RADIOHEAD.ticketmasterId();
    JsonNode all = http.ticketmaster(base).body().at("/_embedded/events");
    String tenth = all.get(9).at("/dates/start/dateTime").asString();
    String twentieth = all.get(19).at("/dates/start/dateTime").asString();

    JsonNode window =
        http.ticketmaster(base + "&startDateTime=" + tenth + "&endDateTime=" + twentieth)
            .body()
            .at("/_embedded/events");
    Answer badDate = http.ticketmaster(base + "&startDateTime=2026-01-01");

    assertThat(window).hasSize(10);
    assertThat(window.get(0).get("id")).isEqualTo(all.get(9).get("id"));
    assertThat(badDate.status()).isEqualTo(400);
  }

  @Test
  void namesResolveThroughBothSearchesToTheSameArtist() {
    CatalogArtist artist = SimulatedCatalog.generatedArtist(90_001);
    String token = http.token();

    JsonNode spotify =
        http.spotify("/v1/search?type=artist&q=" + artist.name().replace(" ", "%20"), token).body();
    JsonNode ticketmaster =
        http.ticketmaster(
                "/discovery/v2/attractions.json?keyword=" + artist.name().replace(" ", "+"))
            .body();

    assertThat(spotify.at("/artists/items/0/id").asString()).isEqualTo(artist.spotifyId());
    assertThat(ticketmaster.at("/_embedded/attractions/0/id").asString())
        .isEqualTo(artist.ticketmasterId());
    assertThat(ticketmaster.at("/_embedded/attractions/0/externalLinks/spotify/0/url").asString())
        .endsWith(artist.spotifyId());
  }

  @Test
  void twoSimulatorsServeTheSameCatalog() {
    try (UpstreamSimulator other =
        new UpstreamSimulator(
                SimulatorOptions.defaults().withToday(LocalDate.now(java.time.ZoneOffset.UTC)))
            .start(0)) {
      String path = "/discovery/v2/events.json?size=5&attractionId=" + RADIOHEAD.ticketmasterId();

      JsonNode here = http.ticketmaster(path).body();
      JsonNode there = new SimulatorHttp(other.baseUrl()).ticketmaster(path).body();

      assertThat(there).isEqualTo(here);
    }
  }

  @Test
  void unknownPathsAnswerInTheUpstreamsErrorShape() {
    String token = http.token();

    assertThat(http.spotify("/v1/me/player", token).status()).isEqualTo(404);
    assertThat(http.spotify("/v1/me/player", token).body().at("/error/status").asInt())
        .isEqualTo(404);
    assertThat(
            http.ticketmaster("/discovery/v2/classifications.json")
                .body()
                .at("/errors/0/code")
                .asString())
        .isEqualTo("DIS1004");
  }

  @Test
  void aForeignTicketmasterIdAnswersTheSameEntityEveryTimeUnderThatId() {
    for (String path :
        List.of(
            "events/vvG1IZ9KBhS3CM",
            "events/Z7r9jZ1A7_-x.9",
            "venues/KovZpZA7AAEA",
            "attractions/K8vZ9171ob7")) {
      String id = path.substring(path.indexOf('/') + 1);

      Answer first = http.ticketmaster("/discovery/v2/" + path + ".json");
      Answer again = http.ticketmaster("/discovery/v2/" + path + ".json");

      assertThat(first.status()).as(path).isEqualTo(200);
      assertThat(first.body().get("id").asString()).as(path).isEqualTo(id);
      assertThat(first.body().at("/_links/self/href").asString())
          .as(path)
          .isEqualTo("/discovery/v2/" + path + "?locale=en-us");
      assertThat(again.body()).as(path).isEqualTo(first.body());
      assertThat(again.header("ETag")).as(path).isEqualTo(first.header("ETag"));
    }
  }

  @Test
  void aForeignEventIsAnEventOfAnArtistWithItsIssuedAttractionAndVenue() {
    JsonNode foreign = http.ticketmaster("/discovery/v2/events/vvG1IZ9KBhS3CM.json").body();
    String attractionId = foreign.at("/_embedded/attractions/0/id").asString();
    String venueId = foreign.at("/_embedded/venues/0/id").asString();
    JsonNode tour =
        http.ticketmaster("/discovery/v2/events.json?size=200&attractionId=" + attractionId)
            .body()
            .at("/_embedded/events");

    assertThat(attractionId).matches("K8vZ9[0-9A-Za-z]{6}");
    assertThat(venueId).matches("KovZ[0-9A-Za-z]{8}");
    assertThat(foreign.at("/_links/attractions/0/href").asString()).contains(attractionId);
    JsonNode listed =
        tour.valueStream()
            .filter(
                e ->
                    e.at("/dates/start/dateTime").equals(foreign.at("/dates/start/dateTime"))
                        && e.at("/_embedded/venues/0/id").asString().equals(venueId))
            .findFirst()
            .orElseThrow();
    ObjectNode renamed = (ObjectNode) foreign.deepCopy();
    renamed.set("id", listed.get("id"));
    renamed.set("url", listed.get("url"));
    renamed.set("_links", listed.get("_links"));
    assertThat(renamed).isEqualTo(listed);
  }

  @Test
  void theEventsOfAForeignAttractionAreItsArtistsAndCarryTheIdAskedFor() {
    String foreign = "K8vZ9171ob7";
    JsonNode attraction =
        http.ticketmaster("/discovery/v2/attractions/" + foreign + ".json").body();
    String issued =
        http.ticketmaster(
                "/discovery/v2/attractions.json?keyword="
                    + attraction.get("name").asString().replace(" ", "+"))
            .body()
            .at("/_embedded/attractions/0/id")
            .asString();

    JsonNode byForeign =
        http.ticketmaster("/discovery/v2/events.json?size=7&page=1&attractionId=" + foreign).body();
    JsonNode byIssued =
        http.ticketmaster("/discovery/v2/events.json?size=7&page=1&attractionId=" + issued).body();

    assertThat(issued).isNotEqualTo(foreign).matches("K8vZ9[0-9A-Za-z]{6}");
    assertThat(attraction.at("/upcomingEvents/_total").asInt()).isGreaterThan(7);
    assertThat(byForeign.get("page")).isEqualTo(byIssued.get("page"));
    assertThat(byForeign.at("/page/totalElements").asInt())
        .isEqualTo(attraction.at("/upcomingEvents/_total").asInt());
    assertThat(eventIds(byForeign)).hasSize(7).isEqualTo(eventIds(byIssued));
    assertThat(byForeign.at("/_embedded/events").valueStream())
        .allSatisfy(
            event -> {
              assertThat(event.at("/_embedded/attractions/0/id").asString()).isEqualTo(foreign);
              assertThat(event.at("/_links/attractions/0/href").asString()).contains(foreign);
            });
    assertThat(byIssued.at("/_embedded/events").valueStream())
        .allSatisfy(
            event ->
                assertThat(event.at("/_embedded/attractions/0/id").asString()).isEqualTo(issued));
  }

  @Test
  void anIllFormedTicketmasterIdIsNotFound() {
    for (String path :
        List.of("events/" + "x".repeat(65), "venues/not~an~id", "attractions/K8vZ9!171ob7")) {
      Answer answer = http.ticketmaster("/discovery/v2/" + path + ".json");

      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.body().at("/errors/0/code").asString()).as(path).isEqualTo("DIS1004");
    }
    assertThat(
            http.ticketmaster("/discovery/v2/events.json?attractionId=not~an~id")
                .body()
                .at("/page/totalElements")
                .asInt())
        .isZero();
  }

  @Test
  void anInjected404IsDiscoverysAnswerToAnUnknownId() {
    Answer unknown = http.ticketmaster("/discovery/v2/attractions/not~an~id.json");
    http.control(
        "/__sim/faults", "{\"upstream\":\"ticketmaster\",\"errorRate\":1.0,\"errorStatus\":404}");

    Answer injected =
        http.ticketmaster("/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId() + ".json");

    assertThat(injected.status()).isEqualTo(404);
    assertThat(injected.body().toString())
        .isEqualTo(unknown.body().toString().replace("not~an~id", RADIOHEAD.ticketmasterId()));
    assertThat(simulator.stats().ticketmaster().errorsInjected()).isEqualTo(1);
  }

  private static List<String> eventIds(JsonNode page) {
    return page.at("/_embedded/events").valueStream().map(e -> e.get("id").asString()).toList();
  }
}
