package io.setsync.api.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code burst} tokens, refilled at {@code ratePerSecond}. A request
 * takes a token or learns how long until the next one. Buckets of clients idle for longer than
 * {@code idleEviction} are dropped by {@link #evictIdle()}, so the map stays as small as the set of
 * active clients.
 */
final class TokenBuckets {

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final double tokensPerNano;
  private final double capacity;
  private final long idleEvictionNanos;
  private final LongSupplier nanoTime;

  TokenBuckets(int ratePerSecond, int burst, Duration idleEviction, LongSupplier nanoTime) {
    this.tokensPerNano = ratePerSecond / 1e9;
    this.capacity = burst;
    this.idleEvictionNanos = idleEviction.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Takes a token for the client: {@link Duration#ZERO} if allowed, else the wait until one. */
  Duration tryAcquire(String client) {
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.refill(now, tokensPerNano, capacity);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
    }
  }

  void evictIdle() {
    long now = nanoTime.getAsLong();
    buckets.values().removeIf(bucket -> now - bucket.lastRefill > idleEvictionNanos);
  }

  int size() {
    return buckets.size();
  }

  private static final class Bucket {
    private double tokens;
    private long lastRefill;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastRefill = now;
    }

    void refill(long now, double tokensPerNano, double capacity) {
      long elapsed = now - lastRefill;
      if (elapsed > 0) {
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        lastRefill = now;
      }
    }
  }
}
