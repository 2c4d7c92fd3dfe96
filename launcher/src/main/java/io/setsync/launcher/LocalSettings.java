package io.setsync.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack listens and keeps its data, from the environment with the contract's
 * defaults (contract section 3).
 */
public record LocalSettings(
    Path repository,
    Path dataHome,
    int apiPort,
    int kafkaPort,
    int kafkaControllerPort,
    int postgresPort,
    int schemaRegistryPort,
    int simulatorPort,
    String jwtSecret,
    int workerInstances,
    Map<String, String> environment) {

  static final String DEV_JWT_SECRET = "setsync-local-dev-secret-change-me-0123456789";
  static final String DATABASE = "setsync";

  /** Settings from the environment, data under {@code <repository>/.local}. */
  public static LocalSettings from(Map<String, String> env, Path repository) {
    return from(env, repository, repository.resolve(".local"));
  }

  /** Settings from the environment, with data under the given directory. */
  public static LocalSettings from(Map<String, String> env, Path repository, Path dataHome) {
    int kafkaPort = port(env, "SETSYNC_KAFKA_PORT", 9092);
    return new LocalSettings(
        repository,
        dataHome,
        port(env, "SETSYNC_API_PORT", 8080),
        kafkaPort,
        port(env, "SETSYNC_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
        port(env, "SETSYNC_DB_PORT", 5433),
        port(env, "SETSYNC_SCHEMA_REGISTRY_PORT", 8081),
        port(env, "SETSYNC_SIMULATOR_PORT", 8089),
        env.getOrDefault("SETSYNC_JWT_SECRET", DEV_JWT_SECRET),
        count(env, "SETSYNC_WORKER_INSTANCES", 1),
        env);
  }

  /** The same settings with another number of instances of each worker. */
  public LocalSettings withWorkerInstances(int instances) {
    return new LocalSettings(
        repository,
        dataHome,
        apiPort,
        kafkaPort,
        kafkaControllerPort,
        postgresPort,
        schemaRegistryPort,
        simulatorPort,
        jwtSecret,
        instances,
        environment);
  }

  public String kafkaBootstrapServers() {
    return "localhost:" + kafkaPort;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
  }

  public String schemaRegistryUrl() {
    return "http://localhost:" + schemaRegistryPort;
  }

  public String simulatorUrl() {
    return "http://localhost:" + simulatorPort;
  }

  public String apiUrl() {
    return "http://localhost:" + apiPort;
  }

  /** True when real upstream credentials are in the environment: then the simulator stays off. */
  boolean usesRealUpstreams() {
    return present("SPOTIFY_CLIENT_ID")
        && present("SPOTIFY_CLIENT_SECRET")
        && present("TICKETMASTER_API_KEY");
  }

  private boolean present(String name) {
    String value = environment.get(name);
    return value != null && !value.isBlank();
  }

  private static int count(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    try {
      int count = value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
      if (count < 1 || count > 8) {
        throw new NumberFormatException();
      }
      return count;
    } catch (NumberFormatException e) {
      throw new LaunchException(name + " must be a number from 1 to 8, not '" + value + "'");
    }
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new LaunchException(name + " must be a port number (1-65535), not '" + value + "'");
    }
  }
}
