package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The open-loop load generator of the POST latency step: requests go out at a fixed rate whatever
 * the answers, each timed from when it was due, not from when it went out, so a stall counts
 * against every request it delayed. Blocking Apache HttpClient 5 on a pool of keep-alive
 * connections, because the JDK's asynchronous HttpClient took about half a core at 500 req/s here:
 * a quarter of the two cores the system under test has.
 */
final class PostLoad implements AutoCloseable {

  private final URI syncs;
  private final String token;
  private final int connections;
  private final CloseableHttpClient http;

  PostLoad(String baseUrl, String token, int connections) {
    this.syncs = URI.create(baseUrl).resolve("/api/v1/syncs");
    this.token = token;
    this.connections = connections;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofSeconds(30))
                    .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                    .build())
            .disableCookieManagement()
            .disableAutomaticRetries()
            .build();
  }

  /** Asks for a sync of each artist (with {@code skipDependencies}) at {@code ratePerSecond}. */
  LatencyScenario.PostLatency run(List<CatalogArtist> artists, int ratePerSecond)
      throws InterruptedException {
    long intervalNanos = 1_000_000_000L / ratePerSecond;
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicLong refused = new AtomicLong();
    ExecutorService senders = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    try {
      for (int i = 0; i < artists.size(); i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        String body = SyncApi.artistBody(artists.get(i), false, true);
        senders.execute(
            () -> {
              // A request that fails (a time-out under overload) is timed and counted as refused.
              int status = post(body);
              millis.add((System.nanoTime() - due) / 1_000_000.0);
              if (status != 202) {
                refused.incrementAndGet();
              }
            });
      }
    } finally {
      senders.shutdown();
    }
    if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
      senders.shutdownNow();
      throw new IllegalStateException("POST requests still open two minutes after the last");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new LatencyScenario.PostLatency(
        ratePerSecond, seconds, artists.size(), refused.get(), Distribution.of(millis), Map.of());
  }

  private int post(String body) {
    HttpPost request = new HttpPost(syncs);
    request.setHeader("Authorization", "Bearer " + token);
    request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
    try {
      return http.execute(
          request,
          response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
          });
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
