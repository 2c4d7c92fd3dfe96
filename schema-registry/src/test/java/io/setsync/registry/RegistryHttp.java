package io.setsync.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to the registry, to check status codes, content types and bodies exactly. */
public final class RegistryHttp {

  public static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer: status, content type and the JSON body. */
  public record Response(int status, String contentType, JsonNode body) {}

  private final URI base;

  public RegistryHttp(URI base) {
    this.base = base;
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response post(String path, String json) {
    return post(path, json, V1);
  }

  public Response post(String path, String json, String contentType) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, String json) {
    return send(
        builder(path).header("Content-Type", V1).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** {@code {"schema": "<schema as a JSON string>"}}. */
  public static String schemaBody(String schema) {
    return JSON.writeValueAsString(JSON.createObjectNode().put("schema", schema));
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
