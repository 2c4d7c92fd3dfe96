package io.setsync.simulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent memo that forgets everything once it holds {@code maxEntries}: generated entities
 * are cheap to rebuild, so a crude bound keeps memory flat under a benchmark's id churn.
 */
final class BoundedCache<K, V> {

  private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
  private final int maxEntries;

  BoundedCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  V get(K key, Function<? super K, ? extends V> create) {
    V value = entries.get(key);
    if (value != null) {
      return value;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    V created = create.apply(key);
    V previous = entries.putIfAbsent(key, created);
    return previous != null ? previous : created;
  }
}
