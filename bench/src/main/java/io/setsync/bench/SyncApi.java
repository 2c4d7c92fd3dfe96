package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The benchmark's client of sync-api (contract section 4), over loopback. */
final class SyncApi {

  private final HttpClient http;
  private final URI baseUri;
  private final String token;
  private final ObjectMapper json = new ObjectMapper();

  SyncApi(String baseUrl, String token) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.baseUri = URI.create(baseUrl);
    this.token = token;
  }

  /** Asks for an artist's sync by both ids, returning the answer's status code and sync id. */
  CompletableFuture<Accepted> requestArtist(CatalogArtist artist, boolean forceRefresh) {
    return requestArtist(artist, forceRefresh, false);
  }

  CompletableFuture<Accepted> requestArtist(
      CatalogArtist artist, boolean forceRefresh, boolean skipDependencies) {
    String body = artistBody(artist, forceRefresh, skipDependencies);
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve("/api/v1/syncs"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> accepted(response.statusCode(), response.body()));
  }

  /** The body of {@code POST /api/v1/syncs} for an artist by both ids. */
  static String artistBody(CatalogArtist artist, boolean forceRefresh, boolean skipDependencies) {
    return """
        {"entityType":"artist","spotifyId":"%s","ticketmasterId":"%s",\
        "options":{"forceRefresh":%s,"skipDependencies":%s}}"""
        .formatted(artist.spotifyId(), artist.ticketmasterId(), forceRefresh, skipDependencies);
  }

  /** The job's status, e.g. {@code completed}. */
  String jobStatus(UUID syncId) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve("/api/v1/syncs/" + syncId))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET job " + syncId + " answered " + response.statusCode());
    }
    return json.readTree(response.body()).path("status").asString();
  }

  private Accepted accepted(int status, String body) {
    if (status != 202) {
      return new Accepted(status, null);
    }
    JsonNode node = json.readTree(body);
    return new Accepted(status, UUID.fromString(node.path("syncId").asString()));
  }

  record Accepted(int status, UUID syncId) {}
}
