package io.setsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every request and applies what both APIs share: stats, auth, rate limit, injected
 * errors, latency and conditional GETs ({@code ETag} / {@code If-None-Match}). Latency is added by
 * answering later from a scheduler, so slow answers hold no worker thread.
 */
final class Router implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(Router.class);

  private final SimulatorState state;
  private final SpotifyApi spotify;
  private final TicketmasterApi ticketmaster;
  private final ControlApi control;
  private final ScheduledExecutorService delays;

  Router(
      SimulatorState state,
      SpotifyApi spotify,
      TicketmasterApi ticketmaster,
      ControlApi control,
      ScheduledExecutorService delays) {
    this.state = state;
    this.spotify = spotify;
    this.ticketmaster = ticketmaster;
    this.control = control;
    this.delays = delays;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      Request request = read(exchange);
      String path = request.path();
      if (path.startsWith("/__sim/")) {
        send(exchange, control.handle(request));
      } else if (path.equals("/api/token")) {
        send(exchange, token(request));
      } else if (path.startsWith("/v1/")) {
        answer(exchange, request, Upstream.SPOTIFY, spotify);
      } else if (path.startsWith(TicketmasterDocuments.PATH + "/")) {
        answer(exchange, request, Upstream.TICKETMASTER, ticketmaster);
      } else {
        send(exchange, Response.json(404, "{\"error\":\"not found\"}"));
      }
    } catch (RuntimeException | IOException e) {
      log.warn("Simulator failed to answer {}", exchange.getRequestURI().getPath(), e);
      send(exchange, Response.json(500, "{\"error\":\"simulator failure\"}"));
    }
  }

  /** The accounts service is a separate host on Spotify: API faults do not apply to it. */
  private Response token(Request request) {
    state.stats().call(Upstream.SPOTIFY, "token");
    if (!request.method().equals("POST")) {
      return SpotifyApi.error(405, "Method not allowed");
    }
    return spotify.token(request);
  }

  private void answer(HttpExchange exchange, Request request, Upstream upstream, SimulatedApi api) {
    String endpoint = api.endpoint(request.path());
    state.stats().call(upstream, endpoint);
    UpstreamConditions conditions = state.conditions(upstream);
    Response response = api.decorate(respond(request, upstream, api, endpoint, conditions));
    long latency = conditions.faults().latencyMs();
    if (latency > 0) {
      delays.schedule(() -> send(exchange, response), latency, TimeUnit.MILLISECONDS);
    } else {
      send(exchange, response);
    }
  }

  private Response respond(
      Request request,
      Upstream upstream,
      SimulatedApi api,
      String endpoint,
      UpstreamConditions conditions) {
    if (!request.method().equals("GET")) {
      return api.methodNotAllowed();
    }
    Response denied = api.authenticate(request);
    if (denied != null) {
      return denied;
    }
    long retryAfter = conditions.throttle();
    if (retryAfter > 0) {
      state.stats().rateLimited(upstream);
      return api.rateLimited(retryAfter);
    }
    if (conditions.injectError()) {
      state.stats().errorInjected(upstream);
      return api.injectedError(request, conditions.faults().errorStatus());
    }
    return conditional(request, api.handle(request, endpoint));
  }

  private static Response conditional(Request request, Response response) {
    if (response.status() != 200) {
      return response;
    }
    CRC32C crc = new CRC32C();
    crc.update(response.body());
    String etag = "\"" + Long.toHexString(crc.getValue()) + "\"";
    if (etag.equals(request.header("If-None-Match"))) {
      return new Response(304, response.headers(), new byte[0]).header("ETag", etag);
    }
    return response.header("ETag", etag);
  }

  private static Request read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    return new Request(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        Request.parseQuery(exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders(),
        body);
  }

  private static void send(HttpExchange exchange, Response response) {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      if (response.body().length > 0) {
        headers.set("Content-Type", "application/json; charset=utf-8");
      }
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        headers.set(header.getKey(), header.getValue());
      }
      boolean empty = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (IOException e) {
      log.debug("Client went away before its answer was written", e);
    }
  }
}
