package io.setsync.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack listens and keeps its data, from the environment with the contract's
 * defaults (contract section 3).
 */
record LocalSettings(
    Path repository,
    Path dataHome,
    int apiPort,
    int kafkaPort,
    int kafkaControllerPort,
    int postgresPort,
    int schemaRegistryPort,
    int simulatorPort,
    String jwtSecret,
    Map<String, String> environment) {

  static final String DEV_JWT_SECRET = "setsync-local-dev-secret-change-me-0123456789";
  static final String DATABASE = "setsync";

  static LocalSettings from(Map<String, String> env, Path repository) {
    int kafkaPort = port(env, "SETSYNC_KAFKA_PORT", 9092);
    return new LocalSettings(
        repository,
        repository.resolve(".local"),
        port(env, "SETSYNC_API_PORT", 8080),
        kafkaPort,
        port(env, "SETSYNC_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
        port(env, "SETSYNC_DB_PORT", 5433),
        port(env, "SETSYNC_SCHEMA_REGISTRY_PORT", 8081),
        port(env, "SETSYNC_SIMULATOR_PORT", 8089),
        env.getOrDefault("SETSYNC_JWT_SECRET", DEV_JWT_SECRET),
        env);
  }

  String kafkaBootstrapServers() {
    return "localhost:" + kafkaPort;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
  }

  String schemaRegistryUrl() {
    return "http://localhost:" + schemaRegistryPort;
  }

  String simulatorUrl() {
    return "http://localhost:" + simulatorPort;
  }

  String apiUrl() {
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
