package io.setsync.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Spring services of the local stack, their ports and configuration, in start order. */
final class LocalServices {

  // Local credentials the simulator accepts; never real secrets.
  private static final Map<String, String> SIMULATOR_CREDENTIALS =
      Map.of(
          "SPOTIFY_CLIENT_ID", "setsync-local-client",
          "SPOTIFY_CLIENT_SECRET", "setsync-local-secret",
          "TICKETMASTER_API_KEY", "setsync-local-key");

  private final LocalSettings settings;
  private final Map<String, String> common;

  LocalServices(LocalSettings settings, Map<String, String> common) {
    this.settings = settings;
    this.common = common;
  }

  /** Waves of services: each wave starts together and is ready before the next one starts. */
  List<List<ServiceSpec>> startOrder() {
    List<ServiceSpec> infrastructure = new ArrayList<>();
    infrastructure.add(
        service(
            "schema-registry",
            "schema-registry",
            settings.schemaRegistryPort(),
            Map.of("SETSYNC_SCHEMA_REGISTRY_PORT", String.valueOf(settings.schemaRegistryPort()))));
    if (!settings.usesRealUpstreams()) {
      infrastructure.add(
          new ServiceSpec(
              "upstream-simulator",
              "upstream-simulator",
              settings.simulatorPort(),
              "/__sim/stats",
              Map.of("SETSYNC_SIMULATOR_PORT", String.valueOf(settings.simulatorPort()))));
    }
    List<ServiceSpec> services = new ArrayList<>();
    services.add(
        service(
            "sync-api",
            "sync-api",
            settings.apiPort(),
            Map.of("SETSYNC_API_PORT", String.valueOf(settings.apiPort()))));
    services.addAll(workers());
    return List.of(infrastructure, services);
  }

  /** The workers serve only actuator over HTTP, each on its own port after the base. */
  List<ServiceSpec> workers() {
    int base = workerPortBase();
    return List.of(
        worker("artist-sync-worker", base + 1),
        worker("show-sync-worker", base + 2),
        worker("venue-linker", base + 3));
  }

  private ServiceSpec worker(String module, int port) {
    Map<String, String> env = new HashMap<>(upstreamEnvironment());
    env.put("SERVER_PORT", String.valueOf(port));
    return service(module, module, port, env);
  }

  private Map<String, String> upstreamEnvironment() {
    if (settings.usesRealUpstreams()) {
      return Map.of(); // the services' defaults are the real APIs; credentials pass through
    }
    Map<String, String> env = new HashMap<>(SIMULATOR_CREDENTIALS);
    env.put("SPOTIFY_API_URL", settings.simulatorUrl());
    env.put("SPOTIFY_ACCOUNTS_URL", settings.simulatorUrl());
    env.put("TICKETMASTER_API_URL", settings.simulatorUrl());
    return env;
  }

  private ServiceSpec service(String name, String module, int port, Map<String, String> own) {
    Map<String, String> env = new HashMap<>(common);
    env.putAll(own);
    return new ServiceSpec(name, module, port, "/actuator/health/readiness", Map.copyOf(env));
  }

  private int workerPortBase() {
    String value = settings.environment().get("SETSYNC_WORKER_PORT_BASE");
    if (value == null || value.isBlank()) {
      return 8090;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new LaunchException("SETSYNC_WORKER_PORT_BASE must be a number, not '" + value + "'");
    }
  }
}
