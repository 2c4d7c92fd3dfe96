package io.setsync.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./setsync up}: starts the whole system locally, prints where it is and a dev token, and
 * runs until Ctrl-C (SIGINT) or SIGTERM, which stop services first, then Kafka, then PostgreSQL.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    Path repository = Path.of(System.getProperty("setsync.home", ".")).toAbsolutePath().normalize();
    LocalSettings settings;
    LocalStack stack;
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      settings = LocalSettings.from(System.getenv(), repository);
      stack = LocalStack.create(settings);
    } catch (LaunchException e) {
      System.err.println("setsync: " + e.getMessage());
      System.exit(1);
      return;
    }
    // Registered before anything starts, so a Ctrl-C during start-up stops what had started.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Setsync: services, then Kafka, then PostgreSQL…");
                  stack.close();
                  stopped.countDown();
                },
                "setsync-stop"));
    try {
      stack.startAll();
    } catch (LaunchException e) {
      System.err.println("setsync: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println(banner(settings));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String banner(LocalSettings settings) {
    String token = DevToken.issue(settings.jwtSecret(), Duration.ofDays(7));
    String upstreams =
        settings.usesRealUpstreams()
            ? "the real Spotify and Ticketmaster APIs (credentials from the environment)"
            : "the upstream simulator at " + settings.simulatorUrl();
    return """

        Setsync is up.
          API:        %1$s/api/v1/syncs
          Dashboard:  %1$s/
          API docs:   %1$s/v3/api-docs
          Kafka:      %2$s    PostgreSQL: %3$s (setsync/setsync)
          Registry:   %4$s
          Upstreams:  %5$s
          Data:       %6$s    Logs: %6$s/logs

        Dev token (scopes: %7$s, valid 7 days):
          export SETSYNC_TOKEN=%8$s

        Ctrl-C stops everything.
        """
        .formatted(
            settings.apiUrl(),
            settings.kafkaBootstrapServers(),
            settings.jdbcUrl(),
            settings.schemaRegistryUrl(),
            upstreams,
            settings.dataHome(),
            DevToken.ALL_SCOPES,
            token);
  }
}
