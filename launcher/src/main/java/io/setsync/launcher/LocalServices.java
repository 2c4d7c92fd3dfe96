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

  /**
   * The workers serve only actuator over HTTP, each instance on its own port after the base: the
   * first instances on base+1..3, the second on base+11..13, and so on.
   */
  List<ServiceSpec> workers() {
    int base = workerPortBase();
    List<String> modules = List.of("artist-sync-worker", "show-sync-worker", "venue-linker");
    List<ServiceSpec> workers = new ArrayList<>();
    for (int instance = 0; instance < settings.workerInstances(); instance++) {
      for (int index = 0; index < modules.size(); index++) {
        workers.add(worker(modules.get(index), instance, base + 10 * instance + index + 1));
      }
    }
    return workers;
  }

  private ServiceSpec worker(String module, int instance, int port) {
    Map<String, String> env = new HashMap<>(upstreamEnvironment());
    env.put("SERVER_PORT", String.valueOf(port));
    String name = instance == 0 ? module : module + "-" + (instance + 1);
    return service(name, module, port, env);
  }

  private Map<String, String> upstreamEnvironment() {
    if (settings.usesRealUpstreams()) {
      // Credentials pass through from the environment; addresses default to the real APIs.
      Map<String, String> env = new HashMap<>();
      env.put("SPOTIFY_API_URL", real("SPOTIFY_API_URL", "https://api.spotify.com"));
      env.put("SPOTIFY_ACCOUNTS_URL", real("SPOTIFY_ACCOUNTS_URL", "https://accounts.spotify.com"));
      env.put("TICKETMASTER_API_URL", real("TICKETMASTER_API_URL", "https://app.ticketmaster.com"));
      return env;
    }
    Map<String, String> env = new HashMap<>(SIMULATOR_CREDENTIALS);
    env.put("SPOTIFY_API_URL", settings.simulatorUrl());
    env.put("SPOTIFY_ACCOUNTS_URL", settings.simulatorUrl());
    env.put("TICKETMASTER_API_URL", settings.simulatorUrl());
    return env;
  }

  private String real(String variable, String fallback) {
    String value = settings.environment().get(variable);
    return value == null || value.isBlank() ? fallback : value;
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
