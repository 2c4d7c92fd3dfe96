package io.setsync.worker.show.setlist;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks an artist's stored songs into setlist suggestions.
 *
 * <p>Versions of one song (the studio take, "Song - Live at Wembley", "Song (2011 Remaster)", "Song
 * (feat. X)") are one suggestion: they share a title key, the title without such version markers. A
 * song's popularity is the highest of its versions'; the version shown is the most popular one, the
 * plain-titled one on a tie.
 *
 * <p>Order, every step deterministic:
 *
 * <ol>
 *   <li>songs with a Spotify popularity, highest first;
 *   <li>then songs without one (Spotify Development mode leaves popularity out), by the fallback:
 *       <b>appearances</b>, how many of the artist's stored tracks are that song. A song released
 *       again live, remastered or on a compilation is the one fans know, which is what a setlist
 *       plays. Development mode stores tracks from the artist's albums, so the count is there even
 *       when popularity is not;
 *   <li>ties by appearances (also among popular songs), then by title key, then by Spotify id.
 * </ol>
 *
 * The list holds at most {@code maxSongs} songs.
 */
public final class SetlistRanking {

  private static final Pattern VERSION_WORDS =
      Pattern.compile(
          "\\b(live|remaster(ed)?|feat\\.?|ft\\.|with|version|edit|mix|remix|acoustic|demo|mono"
              + "|stereo|deluxe|bonus|session|unplugged|instrumental|single|take|anniversary)\\b");
  private static final Pattern BRACKETED = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final Comparator<Song> BEST_VERSION =
      Comparator.comparing(Song::popularity, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(song -> !isPlainTitle(song.name()))
          .thenComparing(Song::spotifyId);

  private static final Comparator<Candidate> SETLIST_ORDER =
      Comparator.comparing((Candidate candidate) -> candidate.popularity() == null)
          .thenComparing(Candidate::popularity, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Candidate::appearances, Comparator.reverseOrder())
          .thenComparing(Candidate::titleKey)
          .thenComparing(candidate -> candidate.song().spotifyId());

  private final int maxSongs;

  public SetlistRanking(int maxSongs) {
    if (maxSongs < 1) {
      throw new IllegalArgumentException("maxSongs must be at least 1, was " + maxSongs);
    }
    this.maxSongs = maxSongs;
  }

  /** The fingerprint {@link #rank} would store for these songs, without ranking them. */
  public String fingerprint(List<Song> songs, String songsSource) {
    return SongsFingerprint.of(songs, songsSource, SetlistSuggestions.CURRENT_VERSION, maxSongs);
  }

  /** Ranks songs whose source the artist worker did not record. */
  public SetlistSuggestions rank(List<Song> songs) {
    return rank(songs, null);
  }

  /**
   * @param songsSource {@code artists.songs_source}, kept with the suggestions
   */
  public SetlistSuggestions rank(List<Song> songs, String songsSource) {
    Map<String, List<Song>> versions = new LinkedHashMap<>();
    for (Song song : songs) {
      versions.computeIfAbsent(titleKey(song.name()), key -> new ArrayList<>()).add(song);
    }
    List<Candidate> ranked =
        versions.entrySet().stream()
            .map(entry -> Candidate.of(entry.getKey(), entry.getValue()))
            .sorted(SETLIST_ORDER)
            .limit(maxSongs)
            .toList();
    List<SuggestedSong> suggested = new ArrayList<>(ranked.size());
    for (Candidate candidate : ranked) {
      suggested.add(
          new SuggestedSong(
              candidate.song().id(),
              suggested.size() + 1,
              candidate.song().name(),
              candidate.popularity(),
              candidate.appearances(),
              candidate.popularity() == null ? RankedBy.APPEARANCES : RankedBy.POPULARITY));
    }
    return new SetlistSuggestions(
        SetlistSuggestions.CURRENT_VERSION,
        rankedBy(suggested),
        songsSource,
        fingerprint(songs, songsSource),
        suggested);
  }

  private static RankedBy rankedBy(List<SuggestedSong> songs) {
    if (songs.isEmpty()) {
      return RankedBy.NONE;
    }
    boolean anyPopularity = songs.stream().anyMatch(s -> s.rankedBy() == RankedBy.POPULARITY);
    boolean anyFallback = songs.stream().anyMatch(s -> s.rankedBy() == RankedBy.APPEARANCES);
    if (anyPopularity && anyFallback) {
      return RankedBy.MIXED;
    }
    return anyPopularity ? RankedBy.POPULARITY : RankedBy.APPEARANCES;
  }

  /** The title without version markers, lower case: versions of one song share it. */
  static String titleKey(String name) {
    String title = plain(name);
    int dash = title.indexOf(" - ");
    if (dash > 0 && VERSION_WORDS.matcher(title.substring(dash + 3)).find()) {
      title = title.substring(0, dash);
    }
    Matcher brackets = BRACKETED.matcher(title);
    title =
        brackets.replaceAll(
            match ->
                VERSION_WORDS.matcher(match.group()).find()
                    ? ""
                    : Matcher.quoteReplacement(match.group()));
    String key = SPACES.matcher(title).replaceAll(" ").trim();
    return key.isEmpty() ? plain(name) : key;
  }

  private static String plain(String name) {
    String lower = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(lower).replaceAll(" ").trim();
  }

  private static boolean isPlainTitle(String name) {
    return titleKey(name).equals(plain(name));
  }

  private record Candidate(String titleKey, Song song, Integer popularity, int appearances) {

    static Candidate of(String titleKey, List<Song> versions) {
      Song best = versions.stream().min(BEST_VERSION).orElseThrow();
      return new Candidate(titleKey, best, best.popularity(), versions.size());
    }
  }
}
