package io.setsync.worker.artist.sync;

import java.util.Locale;

/** Artist names compared as the issue asks: exactly, ignoring case and surrounding spaces. */
final class Names {

  private Names() {}

  static boolean same(String a, String b) {
    return a != null && b != null && normalize(a).equals(normalize(b));
  }

  private static String normalize(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
