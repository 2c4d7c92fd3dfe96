package io.setsync.simulator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /__sim/*}: faults, Spotify's mode, stats and reset, for tests and benchmarks. */
final class ControlApi {

  private final SimulatorState state;

  ControlApi(SimulatorState state) {
    this.state = state;
  }

  Response handle(Request request) {
    try {
      return switch (request.method() + " " + request.path()) {
        case "POST /__sim/faults" -> faults(Json.read(body(request)));
        case "POST /__sim/mode" -> mode(Json.read(body(request)));
        case "GET /__sim/stats" -> Response.json(200, Json.bytes(stats(state.snapshot())));
        case "POST /__sim/reset" -> {
          state.reset();
          yield Response.json(200, Json.bytes(stats(state.snapshot())));
        }
        default -> problem(404, "no control endpoint " + request.method() + " " + request.path());
      };
    } catch (JacksonException e) {
      return problem(400, "body is not JSON");
    } catch (IllegalArgumentException e) {
      return problem(400, e.getMessage());
    }
  }

  private Response faults(JsonNode body) {
    Upstream upstream = Upstream.fromId(text(body, "upstream"));
    Faults faults =
        new Faults(
            body.path("latencyMs").asLong(0),
            body.path("errorRate").asDouble(0),
            body.path("errorStatus").asInt(500),
            body.path("ratePerSecond").asDouble(0));
    state.conditions(upstream).apply(faults);
    ObjectNode answer = Json.object();
    answer.put("upstream", upstream.id());
    answer.put("latencyMs", faults.latencyMs());
    answer.put("errorRate", faults.errorRate());
    answer.put("errorStatus", faults.errorStatus());
    answer.put("ratePerSecond", faults.ratePerSecond());
    return Response.json(200, Json.bytes(answer));
  }

  private Response mode(JsonNode body) {
    state.mode(SpotifyMode.fromId(text(body, "spotify")));
    ObjectNode answer = Json.object();
    answer.put("spotify", state.mode().id());
    return Response.json(200, Json.bytes(answer));
  }

  static ObjectNode stats(SimulatorStats stats) {
    ObjectNode body = Json.object();
    for (Upstream upstream : Upstream.values()) {
      UpstreamStats of = stats.of(upstream);
      ObjectNode node = body.putObject(upstream.id());
      node.put("calls", of.calls());
      node.put("rateLimited", of.rateLimited());
      node.put("errorsInjected", of.errorsInjected());
      ObjectNode endpoints = node.putObject("endpoints");
      of.endpoints().forEach(endpoints::put);
    }
    body.putObject("mode").put("spotify", stats.mode().id());
    return body;
  }

  private static byte[] body(Request request) {
    return request.body().length == 0 ? "{}".getBytes() : request.body();
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isString()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return node.asString();
  }

  private static Response problem(int status, String message) {
    ObjectNode body = Json.object();
    body.put("error", message);
    return Response.json(status, Json.bytes(body));
  }
}
