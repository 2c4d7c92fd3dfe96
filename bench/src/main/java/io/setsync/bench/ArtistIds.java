package io.setsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Well-formed Spotify artist ids (22 base-62 characters) for generated artists. The simulator
 * answers any well-formed id with the same generated artist every time, so a seeded generator gives
 * every run its own artists, none of them already fresh in the database.
 */
final class ArtistIds {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final SplittableRandom random;

  ArtistIds(long seed) {
    this.random = new SplittableRandom(seed);
  }

  List<String> next(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder id = new StringBuilder(22);
      for (int c = 0; c < 22; c++) {
        id.append(BASE62.charAt(random.nextInt(BASE62.length())));
      }
      ids.add(id.toString());
    }
    return ids;
  }
}
