package io.setsync.upstream;

import io.setsync.upstream.http.RateLimitSettings;
import io.setsync.upstream.http.RetrySettings;
import io.setsync.upstream.spotify.SpotifySettings;
import io.setsync.upstream.ticketmaster.TicketmasterSettings;
import java.net.URI;
import java.time.Duration;

/** Client settings for tests: the simulator's URL, tiny backoffs, a limiter that does not bind. */
public final class TestUpstreams {

  private TestUpstreams() {}

  public static RetrySettings fastRetry() {
    return new RetrySettings(
        4, Duration.ofMillis(20), 2.0, 0.5, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  public static RateLimitSettings unlimited() {
    return new RateLimitSettings(10_000, Duration.ofSeconds(5));
  }

  public static SpotifySettings spotify(String baseUrl) {
    return spotify(baseUrl, fastRetry(), unlimited());
  }

  public static SpotifySettings spotify(
      String baseUrl, RetrySettings retry, RateLimitSettings rateLimit) {
    return new SpotifySettings(
        URI.create(baseUrl),
        URI.create(baseUrl),
        "test-client",
        "test-secret",
        "US",
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        Duration.ofHours(1),
        1000,
        retry,
        rateLimit);
  }

  public static TicketmasterSettings ticketmaster(String baseUrl) {
    return ticketmaster(baseUrl, "test-key", fastRetry(), unlimited());
  }

  public static TicketmasterSettings ticketmaster(
      String baseUrl, String apiKey, RetrySettings retry, RateLimitSettings rateLimit) {
    return new TicketmasterSettings(
        URI.create(baseUrl),
        apiKey,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        200,
        null,
        1000,
        retry,
        rateLimit);
  }
}
