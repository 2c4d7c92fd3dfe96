package io.setsync.simulator;

import java.util.List;

/** A hand-picked artist that makes the demo readable; keys follow the generated ones. */
record DemoArtist(
    String name,
    String spotifyId,
    int genre,
    int popularity,
    long followers,
    int albums,
    int events) {

  static final List<DemoArtist> ALL =
      List.of(
          new DemoArtist("Radiohead", "4Z8W4fKeB5YxbusRsdQVPb", 0, 79, 9_812_337, 12, 24),
          new DemoArtist("Taylor Swift", "06HL4z0CvFAxyc27GPbzJV", 1, 100, 139_553_102, 30, 60),
          new DemoArtist("Coldplay", "4gzpq5DPGxSnKTe1SA8hKP", 1, 88, 54_102_667, 15, 40),
          new DemoArtist("Billie Eilish", "6qqNVTkY8uBg9cP3Jd7DAH", 1, 91, 110_234_876, 8, 30),
          new DemoArtist("Arctic Monkeys", "7Ln80lUS6He07XvHI8qqHH", 0, 84, 26_458_193, 10, 18),
          new DemoArtist("Kendrick Lamar", "2YZyLoL8N0Wb9xBt1NhZWg", 2, 93, 38_774_310, 9, 12),
          new DemoArtist("The Endless Tour", null, 5, 42, 88_000, 5, 1_500));

  static final int FIRST_KEY = Words.NAME_SPACE;

  static DemoArtist byKey(int key) {
    int index = key - FIRST_KEY;
    return index >= 0 && index < ALL.size() ? ALL.get(index) : null;
  }

  static int keyOfSpotifyId(String id) {
    for (int i = 0; i < ALL.size(); i++) {
      if (id.equals(ALL.get(i).spotifyId())) {
        return FIRST_KEY + i;
      }
    }
    return -1;
  }

  static int keyOfName(String normalizedName) {
    for (int i = 0; i < ALL.size(); i++) {
      if (Words.normalize(ALL.get(i).name()).equals(normalizedName)) {
        return FIRST_KEY + i;
      }
    }
    return -1;
  }
}
