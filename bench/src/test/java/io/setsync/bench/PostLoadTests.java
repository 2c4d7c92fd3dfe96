package io.setsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.SimulatedCatalog;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostLoadTests {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<String> bodies = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/syncs",
        exchange -> {
          int n = requests.incrementAndGet();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          bodies.add(body);
          boolean authorized =
              "Bearer token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
          // Every tenth request is refused, as an overloaded server would.
          int status = !authorized ? 401 : n % 10 == 0 ? 503 : 202;
          byte[] answer = "{\"syncId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void sendsEveryRequestAtTheRateAndCountsTheRefusals() throws Exception {
    List<CatalogArtist> artists =
        IntStream.rangeClosed(1, 100).mapToObj(SimulatedCatalog::generatedArtist).toList();

    LatencyScenario.PostLatency latency;
    try (PostLoad load =
        new PostLoad("http://127.0.0.1:" + server.getAddress().getPort(), "token", 8)) {
      latency = load.run(artists, 200);
    }

    assertThat(requests).hasValue(100);
    assertThat(latency.requests()).isEqualTo(100);
    assertThat(latency.millis().count()).isEqualTo(100);
    assertThat(latency.refused()).isEqualTo(10);
    // 100 requests due over 0.5 s: an open loop does not finish much earlier or wait for answers.
    assertThat(latency.seconds()).isBetween(0.45, 5.0);
    assertThat(bodies).hasSize(100).allMatch(body -> body.contains("\"skipDependencies\":true"));
  }
}
