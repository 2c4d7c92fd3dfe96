package io.setsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The upstream simulator's control endpoints (contract section 7). */
final class Simulator {

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUri;
  private final ObjectMapper json = new ObjectMapper();

  Simulator(String baseUrl) {
    this.baseUri = URI.create(baseUrl);
  }

  void reset() {
    post("/__sim/reset", "{}");
  }

  void mode(String spotifyMode) {
    post("/__sim/mode", "{\"spotify\":\"" + spotifyMode + "\"}");
  }

  void faults(String upstream, int latencyMs, double ratePerSecond) {
    post(
        "/__sim/faults",
        """
        {"upstream":"%s","latencyMs":%d,"errorRate":0,"errorStatus":500,"ratePerSecond":%s}"""
            .formatted(upstream, latencyMs, ratePerSecond));
  }

  JsonNode stats() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(baseUri.resolve("/__sim/stats"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("simulator stats: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void post(String path, String body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(baseUri.resolve(path))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "simulator " + path + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("simulator " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
