package io.setsync.upstream.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last ETag and body seen per URI, least recently used evicted first. */
final class EtagCache {

  record Entry(String etag, byte[] body) {}

  private final Map<String, Entry> entries;

  EtagCache(int maxEntries) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  synchronized Entry get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, String etag, byte[] body) {
    entries.put(key, new Entry(etag, body));
  }
}
