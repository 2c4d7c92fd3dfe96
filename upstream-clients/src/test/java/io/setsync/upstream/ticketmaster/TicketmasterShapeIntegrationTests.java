package io.setsync.upstream.ticketmaster;

import static io.setsync.upstream.JsonShape.differences;
import static io.setsync.upstream.JsonShape.fieldsFilledDifferently;
import static io.setsync.upstream.JsonShape.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.Faults;
import io.setsync.simulator.SimulatedCatalog;
import io.setsync.simulator.Upstream;
import io.setsync.simulator.UpstreamSimulator;
import io.setsync.upstream.JsonShape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator answers in the shapes of Discovery v2's documented examples, and parses the same.
 */
class TicketmasterShapeIntegrationTests {

  private static final CatalogArtist RADIOHEAD =
      SimulatedCatalog.demoArtist("Radiohead").orElseThrow();
  private static final Set<String> NOT_SIMULATED = Set.of("promoter", "pleaseNote");
  private static final Set<String> NOT_SIMULATED_IN_PAGES =
      Set.of(
          "_links.self.templated",
          "_links.next.templated",
          "_embedded.events[].promoter",
          "_embedded.events[].pleaseNote");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TicketmasterJson JSON = new TicketmasterJson(JsonMapper.builder().build());
  private static UpstreamSimulator simulator;

  @BeforeAll
  static void start() {
    simulator = new UpstreamSimulator().start(0);
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  @Test
  void eventsPage() throws Exception {
    JsonNode documented = fixture("ticketmaster/events-page.json");
    JsonNode answer =
        get(
            "/discovery/v2/events.json?attractionId=" + RADIOHEAD.ticketmasterId() + "&size=2",
            200);

    assertThat(differences(documented, answer, NOT_SIMULATED_IN_PAGES)).isEmpty();
  }

  @Test
  void event() throws Exception {
    JsonNode page =
        get(
            "/discovery/v2/events.json?attractionId=" + RADIOHEAD.ticketmasterId() + "&size=1",
            200);
    String id = page.get("_embedded").get("events").get(0).get("id").asString();
    JsonNode documented = fixture("ticketmaster/event.json");
    JsonNode answer = get("/discovery/v2/events/" + id + ".json", 200);

    assertThat(differences(documented, answer, NOT_SIMULATED)).isEmpty();
    TicketmasterEvent expected = JSON.event(documented);
    TicketmasterEvent actual = JSON.event(answer);
    assertThat(fieldsFilledDifferently(expected, actual)).isEmpty();
    assertThat(fieldsFilledDifferently(expected.venues().get(0), actual.venues().get(0))).isEmpty();
  }

  @Test
  void venue() throws Exception {
    JsonNode page =
        get(
            "/discovery/v2/events.json?attractionId=" + RADIOHEAD.ticketmasterId() + "&size=1",
            200);
    String id =
        page.get("_embedded")
            .get("events")
            .get(0)
            .get("_embedded")
            .get("venues")
            .get(0)
            .get("id")
            .asString();
    JsonNode documented = fixture("ticketmaster/venue.json");
    JsonNode answer = get("/discovery/v2/venues/" + id + ".json", 200);

    assertThat(differences(documented, answer, Set.of())).isEmpty();
    assertThat(fieldsFilledDifferently(JSON.venue(documented), JSON.venue(answer))).isEmpty();
  }

  @Test
  void attraction() throws Exception {
    JsonNode documented = fixture("ticketmaster/attraction.json");
    JsonNode answer = get("/discovery/v2/attractions/" + RADIOHEAD.ticketmasterId() + ".json", 200);

    assertThat(differences(documented, answer, Set.of())).isEmpty();
    TicketmasterAttraction expected = JSON.attraction(documented);
    TicketmasterAttraction actual = JSON.attraction(answer);
    assertThat(fieldsFilledDifferently(expected, actual))
        .as("the documented example has no external links nor upcoming events; ours do")
        .containsExactlyInAnyOrder("upcomingEvents", "spotifyId", "url");
  }

  @Test
  void attractionsPage() throws Exception {
    JsonNode documented = fixture("ticketmaster/attractions-page.json");
    JsonNode answer = get("/discovery/v2/attractions.json?keyword=Radiohead", 200);

    assertThat(differences(documented, answer, Set.of("_links.self.templated"))).isEmpty();
  }

  @Test
  void faultOfABadApiKey() throws Exception {
    HttpResponse<byte[]> answer = send("/discovery/v2/venues/x.json?apikey=");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(
            differences(
                fixture("ticketmaster/fault-401.json"), JsonShape.parse(answer.body()), Set.of()))
        .isEmpty();
    assertThat(JsonShape.parse(answer.body()).toString())
        .isEqualTo(fixture("ticketmaster/fault-401.json").toString());
  }

  @Test
  void errorOfAnUnknownId() throws Exception {
    // Any well-formed id names an event in the simulator; an ill-formed one is unknown.
    JsonNode answer = get("/discovery/v2/events/no~pe.json", 404);

    assertThat(differences(fixture("ticketmaster/error-404.json"), answer, Set.of())).isEmpty();
  }

  @Test
  void errorOfAnInjected404() throws Exception {
    simulator.faults(Upstream.TICKETMASTER, Faults.errors(1.0, 404));
    try {
      JsonNode answer = get("/discovery/v2/events/nope.json", 404);

      assertThat(differences(fixture("ticketmaster/error-404.json"), answer, Set.of())).isEmpty();
      assertThat(answer.toString()).isEqualTo(fixture("ticketmaster/error-404.json").toString());
    } finally {
      simulator.reset();
    }
  }

  private static JsonNode get(String path, int status) throws Exception {
    String separator = path.contains("?") ? "&" : "?";
    HttpResponse<byte[]> answer = send(path + separator + "apikey=test");
    assertThat(answer.statusCode()).isEqualTo(status);
    return JsonShape.parse(answer.body());
  }

  private static HttpResponse<byte[]> send(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
