package io.setsync.simulator;

import java.nio.charset.StandardCharsets;

/** Deterministic pseudo-random numbers derived from catalog keys (SplitMix64 finalizer). */
final class Seeds {

  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private Seeds() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long of(long a, long b) {
    return mix(mix(a) + b * GOLDEN);
  }

  static long of(long a, long b, long c) {
    return mix(of(a, b) + c * GOLDEN);
  }

  /** A value in {@code [min, maxInclusive]} picked by {@code seed}. */
  static int between(long seed, int min, int maxInclusive) {
    return min + (int) Long.remainderUnsigned(seed, maxInclusive - min + 1L);
  }

  static <T> T pick(long seed, java.util.List<T> values) {
    return values.get((int) Long.remainderUnsigned(seed, values.size()));
  }

  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(h);
  }
}
