package io.setsync.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.upstream.spotify.SpotifyClient;
import io.setsync.upstream.spotify.SpotifySettings;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.upstream.ticketmaster.TicketmasterSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class UpstreamClientsAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(UpstreamClientsAutoConfiguration.class));

  @Test
  void pointsBothClientsAtTheLocalSimulatorByDefault() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(SpotifyClient.class);
          assertThat(context).hasSingleBean(TicketmasterClient.class);
          SpotifySettings spotify = context.getBean(SpotifySettings.class);
          TicketmasterSettings ticketmaster = context.getBean(TicketmasterSettings.class);
          assertThat(spotify.apiUrl()).isEqualTo(URI.create("http://localhost:8089"));
          assertThat(spotify.accountsUrl()).isEqualTo(URI.create("http://localhost:8089"));
          assertThat(ticketmaster.apiUrl()).isEqualTo(URI.create("http://localhost:8089"));
          assertThat(ticketmaster.rateLimit().requestsPerSecond()).isEqualTo(5.0);
          assertThat(spotify.retry().maxAttempts()).isEqualTo(4);
        });
  }

  @Test
  void takesUrlsAndCredentialsFromTheContractsVariables() {
    runner
        .withSystemProperties(
            "SPOTIFY_API_URL=https://api.spotify.com",
            "SPOTIFY_ACCOUNTS_URL=https://accounts.spotify.com",
            "SPOTIFY_CLIENT_ID=real-id",
            "SPOTIFY_CLIENT_SECRET=real-secret",
            "TICKETMASTER_API_URL=https://app.ticketmaster.com",
            "TICKETMASTER_API_KEY=real-key")
        .run(
            context -> {
              SpotifySettings spotify = context.getBean(SpotifySettings.class);
              TicketmasterSettings ticketmaster = context.getBean(TicketmasterSettings.class);
              assertThat(spotify.apiUrl()).isEqualTo(URI.create("https://api.spotify.com"));
              assertThat(spotify.clientSecret()).isEqualTo("real-secret");
              assertThat(ticketmaster.apiKey()).isEqualTo("real-key");
              assertThat(spotify.toString()).doesNotContain("real-secret");
              assertThat(ticketmaster.toString()).doesNotContain("real-key");
              assertThat(context.getBean(SpotifyClient.class).toString())
                  .doesNotContain("real-secret");
            });
  }

  @Test
  void followsTheSimulatorPort() {
    runner
        .withSystemProperties("SETSYNC_SIMULATOR_PORT=9099")
        .run(
            context ->
                assertThat(context.getBean(TicketmasterSettings.class).apiUrl())
                    .isEqualTo(URI.create("http://localhost:9099")));
  }

  @Test
  void benchmarksCanLiftTheRateLimitsByEnvironment() {
    runner
        .withSystemProperties(
            "SETSYNC_TICKETMASTER_RATE_LIMIT_PER_SECOND=100000",
            "SETSYNC_SPOTIFY_RATE_LIMIT_PER_SECOND=50000")
        .run(
            context -> {
              assertThat(
                      context.getBean(TicketmasterSettings.class).rateLimit().requestsPerSecond())
                  .isEqualTo(100_000.0);
              assertThat(context.getBean(SpotifySettings.class).rateLimit().requestsPerSecond())
                  .isEqualTo(50_000.0);
            });
  }

  @Test
  void applicationPropertiesWinOverTheDefaults() {
    runner
        .withPropertyValues(
            "setsync.ticketmaster.rate-limit.requests-per-second=2",
            "setsync.spotify.read-timeout=3s")
        .run(
            context -> {
              assertThat(
                      context.getBean(TicketmasterSettings.class).rateLimit().requestsPerSecond())
                  .isEqualTo(2.0);
              assertThat(context.getBean(SpotifySettings.class).readTimeout())
                  .isEqualTo(Duration.ofSeconds(3));
            });
  }

  @Test
  void refusesToStartWithAnInvalidSetting() {
    runner
        .withPropertyValues("setsync.spotify.market=usa")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("market"));
  }

  @Test
  void refusesToSendTheLocalCredentialsToTheRealApis() {
    runner
        .withSystemProperties("SPOTIFY_API_URL=https://api.spotify.com")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("SPOTIFY_CLIENT_ID"));
    runner
        .withSystemProperties("TICKETMASTER_API_URL=https://app.ticketmaster.com")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("TICKETMASTER_API_KEY"));
  }

  @Test
  void aClientCanBeSwitchedOff() {
    runner
        .withPropertyValues("setsync.spotify.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(SpotifyClient.class);
              assertThat(context).hasSingleBean(TicketmasterClient.class);
            });
  }
}
