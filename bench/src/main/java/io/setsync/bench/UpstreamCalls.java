package io.setsync.bench;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Calls the simulator served, per upstream and endpoint, and the 429s it sent. */
record UpstreamCalls(Map<String, Long> byEndpoint, long spotify, long ticketmaster, long tooMany) {

  /** Reads {@code GET /__sim/stats}. */
  static UpstreamCalls of(JsonNode stats) {
    Map<String, Long> byEndpoint = new TreeMap<>();
    long spotify = 0;
    long ticketmaster = 0;
    long tooMany = 0;
    for (String upstream : new String[] {"spotify", "ticketmaster"}) {
      JsonNode node = stats.path(upstream);
      JsonNode endpoints = node.path("endpoints");
      long upstreamTotal = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> endpoint = it.next();
        long calls = endpoint.getValue().isNumber() ? endpoint.getValue().asLong() : 0;
        byEndpoint.put(upstream + " " + endpoint.getKey(), calls);
        upstreamTotal += calls;
      }
      if (node.has("calls")) {
        upstreamTotal = node.path("calls").asLong();
      }
      tooMany += node.path("rateLimited").asLong(0);
      if (upstream.equals("spotify")) {
        spotify = upstreamTotal;
      } else {
        ticketmaster = upstreamTotal;
      }
    }
    return new UpstreamCalls(byEndpoint, spotify, ticketmaster, tooMany);
  }

  UpstreamCalls minus(UpstreamCalls earlier) {
    Map<String, Long> delta = new TreeMap<>();
    byEndpoint.forEach(
        (endpoint, calls) ->
            delta.put(endpoint, calls - earlier.byEndpoint.getOrDefault(endpoint, 0L)));
    return new UpstreamCalls(
        delta,
        spotify - earlier.spotify,
        ticketmaster - earlier.ticketmaster,
        tooMany - earlier.tooMany);
  }

  long total() {
    return spotify + ticketmaster;
  }
}
