package io.setsync.simulator;

import java.util.EnumMap;
import java.util.Map;

/** The mutable part of a simulator: faults, Spotify's mode, counters and tokens. */
final class SimulatorState {

  private final Map<Upstream, UpstreamConditions> conditions = new EnumMap<>(Upstream.class);
  private final Stats stats = new Stats();
  private final Tokens tokens;
  private volatile SpotifyMode mode = SpotifyMode.EXTENDED;

  SimulatorState(SimulatorOptions options) {
    this.tokens = new Tokens(options.tokenLifetime());
    for (Upstream upstream : Upstream.values()) {
      conditions.put(upstream, new UpstreamConditions());
    }
  }

  UpstreamConditions conditions(Upstream upstream) {
    return conditions.get(upstream);
  }

  Stats stats() {
    return stats;
  }

  Tokens tokens() {
    return tokens;
  }

  SpotifyMode mode() {
    return mode;
  }

  void mode(SpotifyMode next) {
    mode = next;
  }

  SimulatorStats snapshot() {
    return new SimulatorStats(
        stats.snapshot(Upstream.SPOTIFY), stats.snapshot(Upstream.TICKETMASTER), mode);
  }

  void reset() {
    conditions.values().forEach(c -> c.apply(Faults.NONE));
    mode = SpotifyMode.EXTENDED;
    stats.reset();
  }
}
