package io.setsync.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Plain HTTP against a simulator, as any client in any language would call it. */
final class SimulatorHttp {

  record Answer(int status, JsonNode body, Map<String, java.util.List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  SimulatorHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String token() {
    return post(
            "/api/token",
            "grant_type=client_credentials",
            Map.of(
                "Authorization", "Basic dGVzdDp0ZXN0",
                "Content-Type", "application/x-www-form-urlencoded"))
        .body()
        .get("access_token")
        .asString();
  }

  Answer get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    headers.forEach(request::header);
    return send(request.GET().build());
  }

  Answer spotify(String path, String token) {
    return get(path, Map.of("Authorization", "Bearer " + token));
  }

  Answer ticketmaster(String path) {
    return get(path + (path.contains("?") ? "&" : "?") + "apikey=test", Map.of());
  }

  Answer post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    headers.forEach(request::header);
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Answer control(String path, String json) {
    return post(path, json, Map.of("Content-Type", "application/json"));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = response.body().length == 0 ? null : Json.read(response.body());
      return new Answer(response.statusCode(), body, response.headers().map());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
