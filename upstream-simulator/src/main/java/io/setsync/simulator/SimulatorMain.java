package io.setsync.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator on its own: port from {@code SETSYNC_SIMULATOR_PORT} (8089), token lifetime
 * from {@code SETSYNC_SIMULATOR_TOKEN_LIFETIME_SECONDS} (3600). Stops on Ctrl-C.
 */
public final class SimulatorMain {

  private static final Logger log = LoggerFactory.getLogger(SimulatorMain.class);

  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(env("SETSYNC_SIMULATOR_PORT", "8089"));
    Duration tokenLifetime =
        Duration.ofSeconds(Long.parseLong(env("SETSYNC_SIMULATOR_TOKEN_LIFETIME_SECONDS", "3600")));
    UpstreamSimulator simulator =
        new UpstreamSimulator(SimulatorOptions.defaults().withTokenLifetime(tokenLifetime))
            .start(port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.stop();
                  stopped.countDown();
                },
                "sim-shutdown"));
    log.info("Upstream simulator (Spotify + Ticketmaster) listening on {}", simulator.baseUrl());
    for (CatalogArtist artist : SimulatedCatalog.demoArtists()) {
      log.info(
          "Demo artist {}: spotifyId={} ticketmasterId={} ({} upcoming events)",
          artist.name(),
          artist.spotifyId(),
          artist.ticketmasterId(),
          artist.upcomingEvents());
    }
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
