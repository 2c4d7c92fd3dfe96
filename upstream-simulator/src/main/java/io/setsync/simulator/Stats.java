package io.setsync.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters behind {@code /__sim/stats}. */
final class Stats {

  private final Map<Upstream, Counters> counters = new EnumMap<>(Upstream.class);

  Stats() {
    for (Upstream upstream : Upstream.values()) {
      counters.put(upstream, new Counters());
    }
  }

  void call(Upstream upstream, String endpoint) {
    Counters c = counters.get(upstream);
    c.calls.increment();
    c.endpoints.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
  }

  void rateLimited(Upstream upstream) {
    counters.get(upstream).rateLimited.increment();
  }

  void errorInjected(Upstream upstream) {
    counters.get(upstream).errors.increment();
  }

  long calls(Upstream upstream) {
    return counters.get(upstream).calls.sum();
  }

  UpstreamStats snapshot(Upstream upstream) {
    Counters c = counters.get(upstream);
    Map<String, Long> endpoints = new TreeMap<>();
    c.endpoints.forEach((name, count) -> endpoints.put(name, count.sum()));
    return new UpstreamStats(c.calls.sum(), c.rateLimited.sum(), c.errors.sum(), endpoints);
  }

  void reset() {
    counters.values().forEach(Counters::reset);
  }

  private static final class Counters {
    private final LongAdder calls = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> endpoints = new ConcurrentHashMap<>();

    void reset() {
      calls.reset();
      rateLimited.reset();
      errors.reset();
      endpoints.clear();
    }
  }
}
