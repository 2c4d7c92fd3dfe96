package io.setsync.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Starts each server at most once per JVM, lazily, and stops it when the JVM exits. */
final class SharedServers {

  private static final Logger log = LoggerFactory.getLogger(SharedServers.class);
  static final String MODE_PROPERTY = "setsync.test.infrastructure";

  private SharedServers() {}

  static KafkaServer kafka() {
    return KafkaHolder.INSTANCE;
  }

  static PostgresServer postgres() {
    return PostgresHolder.INSTANCE;
  }

  private static boolean useContainers() {
    String mode = System.getProperty(MODE_PROPERTY, "auto");
    return switch (mode) {
      case "containers" -> true;
      case "embedded" -> false;
      case "auto" -> dockerAvailable();
      default ->
          throw new IllegalArgumentException(
              MODE_PROPERTY + " must be auto, containers or embedded, not " + mode);
    };
  }

  private static boolean dockerAvailable() {
    // Asking Testcontainers when no engine can be there costs seconds and logs an error.
    if (System.getenv("DOCKER_HOST") == null
        && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static <T extends AutoCloseable> T stopOnExit(T server, String what) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    log.warn("Could not stop {}", what, e);
                  }
                },
                "stop-" + what));
    return server;
  }

  // Holder classes: the JVM initialises each on first use, once, thread-safely.
  private static final class KafkaHolder {
    static final KafkaServer INSTANCE =
        stopOnExit(
            useContainers() ? KafkaServer.startContainer() : KafkaServer.startEmbedded(), "kafka");
  }

  private static final class PostgresHolder {
    static final PostgresServer INSTANCE =
        stopOnExit(
            useContainers() ? PostgresServer.startContainer() : PostgresServer.startEmbedded(),
            "postgres");
  }
}
