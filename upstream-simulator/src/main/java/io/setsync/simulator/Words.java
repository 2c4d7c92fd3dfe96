package io.setsync.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word lists for generated names. An artist name is one adjective, one noun and one suffix, so the
 * name alone gives back the artist key: that is how searches on either API find the artist.
 */
final class Words {

  static final List<String> ADJECTIVES =
      List.of(
          "Velvet",
          "Neon",
          "Silver",
          "Golden",
          "Crimson",
          "Electric",
          "Midnight",
          "Paper",
          "Glass",
          "Hollow",
          "Wild",
          "Quiet",
          "Lonely",
          "Broken",
          "Burning",
          "Frozen",
          "Hidden",
          "Lucky",
          "Magnetic",
          "Northern",
          "Southern",
          "Painted",
          "Restless",
          "Secret",
          "Solar",
          "Lunar",
          "Static",
          "Tidal",
          "Wandering",
          "Young",
          "Ancient",
          "Bright",
          "Cosmic",
          "Dusty",
          "Faded",
          "Gentle",
          "Heavy",
          "Indigo",
          "Jade",
          "Kinetic",
          "Lost",
          "Marble",
          "Native",
          "Orange",
          "Pale",
          "Royal",
          "Savage",
          "Tender",
          "Urban",
          "Violet",
          "Western",
          "Amber",
          "Blue",
          "Copper",
          "Distant",
          "Early",
          "Fragile",
          "Giant",
          "Hazy",
          "Iron",
          "Jungle",
          "Liquid",
          "Modern",
          "Polar");

  static final List<String> NOUNS =
      List.of(
          "Harbor",
          "Foxes",
          "Engines",
          "Rivers",
          "Lanterns",
          "Wolves",
          "Echoes",
          "Gardens",
          "Mirrors",
          "Pilots",
          "Satellites",
          "Horses",
          "Oceans",
          "Shadows",
          "Sparrows",
          "Tigers",
          "Valleys",
          "Ghosts",
          "Kings",
          "Queens",
          "Saints",
          "Sailors",
          "Dreamers",
          "Machines",
          "Comets",
          "Canyons",
          "Islands",
          "Forests",
          "Cities",
          "Bridges",
          "Towers",
          "Arrows",
          "Crowns",
          "Diamonds",
          "Feathers",
          "Flowers",
          "Hearts",
          "Lions",
          "Moons",
          "Owls",
          "Planets",
          "Roses",
          "Stones",
          "Storms",
          "Suns",
          "Swans",
          "Thunder",
          "Waves",
          "Wires",
          "Winters",
          "Summers",
          "Ravens",
          "Rockets",
          "Secrets",
          "Signals",
          "Strangers",
          "Tides",
          "Trains",
          "Voices",
          "Whales",
          "Wheels",
          "Windows",
          "Birds",
          "Bones");

  static final List<String> SUFFIXES =
      List.of(
          "Band",
          "Collective",
          "Orchestra",
          "Trio",
          "Quartet",
          "Ensemble",
          "Project",
          "Society",
          "Club",
          "Brothers",
          "Sisters",
          "Choir",
          "Crew",
          "Union",
          "Syndicate",
          "Experience",
          "Revival",
          "Machine",
          "Parade",
          "Circus",
          "Assembly",
          "Republic",
          "Academy",
          "Foundation",
          "Company",
          "Kids",
          "Family",
          "Gang",
          "Army",
          "League",
          "Council",
          "Express");

  /** Number of distinct generated artist names: 64 * 64 * 32. */
  static final int NAME_SPACE = 1 << 17;

  private static final Map<String, Integer> ADJECTIVE_INDEX = index(ADJECTIVES);
  private static final Map<String, Integer> NOUN_INDEX = index(NOUNS);
  private static final Map<String, Integer> SUFFIX_INDEX = index(SUFFIXES);

  static {
    if (ADJECTIVES.size() != 64 || NOUNS.size() != 64 || SUFFIXES.size() != 32) {
      throw new IllegalStateException("word lists must have 64, 64 and 32 entries");
    }
  }

  private Words() {}

  static String artistName(int key) {
    return ADJECTIVES.get(key & 63)
        + " "
        + NOUNS.get((key >>> 6) & 63)
        + " "
        + SUFFIXES.get((key >>> 12) & 31);
  }

  /** The key whose generated name this is (any case, any spacing), or -1. */
  static int artistKey(String name) {
    String[] parts = normalize(name).split(" ");
    if (parts.length != 3) {
      return -1;
    }
    Integer adjective = ADJECTIVE_INDEX.get(parts[0]);
    Integer noun = NOUN_INDEX.get(parts[1]);
    Integer suffix = SUFFIX_INDEX.get(parts[2]);
    if (adjective == null || noun == null || suffix == null) {
      return -1;
    }
    return adjective | noun << 6 | suffix << 12;
  }

  /** A two-word title; distinct for distinct {@code index} below 4096. */
  static String title(int index) {
    return ADJECTIVES.get(index & 63) + " " + NOUNS.get((index >>> 6) & 63);
  }

  static String normalize(String text) {
    return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static Map<String, Integer> index(List<String> words) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      index.put(words.get(i).toLowerCase(Locale.ROOT), i);
    }
    return Map.copyOf(index);
  }
}
