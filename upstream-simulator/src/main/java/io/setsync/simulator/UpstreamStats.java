package io.setsync.simulator;

import java.util.Map;

/** Calls one upstream served since the last reset, by endpoint, and the 429s and errors it sent. */
public record UpstreamStats(
    long calls, long rateLimited, long errorsInjected, Map<String, Long> endpoints) {

  public UpstreamStats {
    endpoints = Map.copyOf(endpoints);
  }

  public long calls(String endpoint) {
    return endpoints.getOrDefault(endpoint, 0L);
  }
}
