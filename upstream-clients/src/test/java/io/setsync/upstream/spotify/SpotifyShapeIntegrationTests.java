package io.setsync.upstream.spotify;

import static io.setsync.upstream.JsonShape.differences;
import static io.setsync.upstream.JsonShape.fieldsFilledDifferently;
import static io.setsync.upstream.JsonShape.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.SimulatedCatalog;
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

/** The simulator answers in the shapes of Spotify's documented examples, and parses the same. */
class SpotifyShapeIntegrationTests {

  private static final CatalogArtist RADIOHEAD =
      SimulatedCatalog.demoArtist("Radiohead").orElseThrow();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static UpstreamSimulator simulator;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    simulator = new UpstreamSimulator().start(0);
    HttpResponse<byte[]> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api/token"))
                .header("Authorization", "Basic aWQ6c2VjcmV0")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = JsonShape.parse(answer.body());
    assertThat(differences(fixture("spotify/token.json"), body, Set.of())).isEmpty();
    token = body.get("access_token").asString();
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  @Test
  void artist() throws Exception {
    JsonNode documented = fixture("spotify/artist.json");
    JsonNode answer = get("/v1/artists/" + RADIOHEAD.spotifyId(), 200);

    assertThat(differences(documented, answer, Set.of())).isEmpty();
    assertThat(fieldsFilledDifferently(SpotifyJson.artist(documented), SpotifyJson.artist(answer)))
        .isEmpty();
  }

  @Test
  void severalArtists() throws Exception {
    JsonNode answer = get("/v1/artists?ids=" + RADIOHEAD.spotifyId(), 200);

    assertThat(differences(fixture("spotify/several-artists.json"), answer, Set.of())).isEmpty();
  }

  @Test
  void topTracks() throws Exception {
    JsonNode documented = fixture("spotify/top-tracks.json");
    JsonNode answer = get("/v1/artists/" + RADIOHEAD.spotifyId() + "/top-tracks?market=US", 200);

    assertThat(differences(documented, answer, Set.of())).isEmpty();
    assertThat(
            fieldsFilledDifferently(
                SpotifyJson.track(documented.get("tracks").get(0)),
                SpotifyJson.track(answer.get("tracks").get(0))))
        .isEmpty();
  }

  @Test
  void artistAlbums() throws Exception {
    JsonNode documented = fixture("spotify/artist-albums.json");
    JsonNode answer =
        get(
            "/v1/artists/" + RADIOHEAD.spotifyId() + "/albums?include_groups=album,single&limit=1",
            200);

    assertThat(differences(documented, answer, Set.of())).isEmpty();
    assertThat(
            fieldsFilledDifferently(
                SpotifyJson.album(documented.get("items").get(0)),
                SpotifyJson.album(answer.get("items").get(0))))
        .isEmpty();
  }

  @Test
  void albumTracks() throws Exception {
    JsonNode albums = get("/v1/artists/" + RADIOHEAD.spotifyId() + "/albums?limit=1", 200);
    String albumId = albums.get("items").get(0).get("id").asString();
    JsonNode documented = fixture("spotify/album-tracks.json");
    JsonNode answer = get("/v1/albums/" + albumId + "/tracks?limit=1", 200);

    assertThat(differences(documented, answer, Set.of())).isEmpty();
    assertThat(
            fieldsFilledDifferently(
                SpotifyJson.track(documented.get("items").get(0)),
                SpotifyJson.track(answer.get("items").get(0))))
        .isEmpty();
  }

  @Test
  void searchForArtists() throws Exception {
    JsonNode documented = fixture("spotify/search-artists.json");
    JsonNode answer = get("/v1/search?q=Radiohead&type=artist&limit=1", 200);

    assertThat(differences(documented, answer, Set.of())).isEmpty();
  }

  @Test
  void errorObject() throws Exception {
    HttpResponse<byte[]> answer =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(simulator.baseUrl() + "/v1/artists/" + RADIOHEAD.spotifyId()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(
            differences(
                fixture("spotify/error-401.json"), JsonShape.parse(answer.body()), Set.of()))
        .isEmpty();
  }

  private static JsonNode get(String path, int status) throws Exception {
    HttpResponse<byte[]> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).isEqualTo(status);
    return JsonShape.parse(answer.body());
  }
}
