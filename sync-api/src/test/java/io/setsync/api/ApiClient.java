package io.setsync.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the running sync-api, as a frontend would call it. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;

  public ApiClient(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** An answer with its JSON body (null if there was none). */
  public record Answer(int status, Map<String, java.util.List<String>> headers, String text) {

    public JsonNode json() {
      return text == null || text.isEmpty() ? null : JSON.readTree(text);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Answer postSync(String token, String body) {
    return postJson("/api/v1/syncs", token, body);
  }

  public Answer postBackfill(String token, String body) {
    return postJson("/api/v1/backfills", token, body);
  }

  private Answer postJson(String path, String token, String body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer postSync(String token, String body, String idempotencyKey) {
    return postJson("/api/v1/syncs", token, body, idempotencyKey);
  }

  public Answer postBackfill(String token, String body, String idempotencyKey) {
    return postJson("/api/v1/backfills", token, body, idempotencyKey);
  }

  private Answer postJson(String path, String token, String body, String idempotencyKey) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  public static String artistBySpotifyId(String spotifyId) {
    return """
        {"entityType":"artist","spotifyId":"%s"}"""
        .formatted(spotifyId);
  }

  /** A fresh, well-formed Spotify id (22 base-62 characters). */
  public static String newSpotifyId() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder id = new StringBuilder(22);
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 22; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
