package io.setsync.upstream.spotify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Endpoints Spotify refuses this app (403 in Development Mode). Once one is seen refused it is not
 * called again until {@code recheck} has passed, in case the app was granted Extended Quota.
 */
final class RemovedEndpoints {

  private static final Logger log = LoggerFactory.getLogger(RemovedEndpoints.class);

  private final Map<String, Instant> removedAt = new ConcurrentHashMap<>();
  private final Duration recheck;
  private final Clock clock;

  RemovedEndpoints(Duration recheck, Clock clock) {
    this.recheck = recheck;
    this.clock = clock;
  }

  boolean isRemoved(String endpoint) {
    Instant at = removedAt.get(endpoint);
    if (at == null) {
      return false;
    }
    if (clock.instant().isAfter(at.plus(recheck))) {
      removedAt.remove(endpoint, at);
      return false;
    }
    return true;
  }

  void markRemoved(String endpoint) {
    if (removedAt.putIfAbsent(endpoint, clock.instant()) == null) {
      log.warn(
          "Spotify answered 403 on {}: the app is in Development Mode; using the fallback for {}",
          endpoint,
          recheck);
    }
  }

  Set<String> current() {
    removedAt.keySet().forEach(this::isRemoved);
    return Set.copyOf(removedAt.keySet());
  }
}
