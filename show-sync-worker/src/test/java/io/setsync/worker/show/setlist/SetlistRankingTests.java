package io.setsync.worker.show.setlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SetlistRankingTests {

  private final SetlistRanking ranking = new SetlistRanking(20);

  @Test
  void ranksByPopularityHighestFirst() {
    // given
    List<Song> songs =
        List.of(song("a", "Quiet One", 20), song("b", "Hit", 90), song("c", "Mid", 55));

    // when
    SetlistSuggestions suggestions = ranking.rank(songs);

    // then
    assertThat(suggestions.rankedBy()).isEqualTo(RankedBy.POPULARITY);
    assertThat(suggestions.songs())
        .extracting(SuggestedSong::name, SuggestedSong::position)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Hit", 1),
            org.assertj.core.groups.Tuple.tuple("Mid", 2),
            org.assertj.core.groups.Tuple.tuple("Quiet One", 3));
  }

  @Test
  void withoutPopularityRanksSongsOnMoreReleasesFirstThenByTitle() {
    // given: Development mode, no popularity; "Anthem" is on three releases, "Ballad" on two
    List<Song> songs =
        List.of(
            song("1", "Zebra", null),
            song("2", "Anthem", null),
            song("3", "Anthem - Live at Wembley", null),
            song("4", "Ballad (2011 Remaster)", null),
            song("5", "Anthem (Remastered)", null),
            song("6", "Ballad", null),
            song("7", "Apple", null));

    // when
    SetlistSuggestions suggestions = ranking.rank(songs);

    // then
    assertThat(suggestions.rankedBy()).isEqualTo(RankedBy.APPEARANCES);
    assertThat(suggestions.songs())
        .extracting(SuggestedSong::name)
        .containsExactly("Anthem", "Ballad", "Apple", "Zebra");
    assertThat(suggestions.songs())
        .extracting(SuggestedSong::appearances)
        .containsExactly(3, 2, 1, 1);
    assertThat(suggestions.songs())
        .allSatisfy(song -> assertThat(song.rankedBy()).isEqualTo(RankedBy.APPEARANCES));
  }

  @Test
  void songsWithPopularityComeBeforeSongsWithout() {
    // given
    List<Song> songs =
        List.of(
            song("1", "Unknown Classic", null),
            song("2", "Unknown Classic - Live", null),
            song("3", "Known", 10));

    // when
    SetlistSuggestions suggestions = ranking.rank(songs);

    // then
    assertThat(suggestions.rankedBy()).isEqualTo(RankedBy.MIXED);
    assertThat(suggestions.songs())
        .extracting(SuggestedSong::name)
        .containsExactly("Known", "Unknown Classic");
  }

  @Test
  void versionsOfOneSongAreOneSuggestionShownAsTheirMostPopularVersion() {
    // given
    List<Song> songs =
        List.of(
            song("1", "Song", 40),
            song("2", "Song - Live", 70),
            song("3", "Song (feat. Someone)", 10),
            song("4", "Other", 50));

    // when
    SetlistSuggestions suggestions = ranking.rank(songs);

    // then
    assertThat(suggestions.songs())
        .extracting(SuggestedSong::name, SuggestedSong::popularity, SuggestedSong::appearances)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Song - Live", 70, 3),
            org.assertj.core.groups.Tuple.tuple("Other", 50, 1));
  }

  @Test
  void aDashInATitleThatIsNotAVersionMarkerIsKept() {
    assertThat(SetlistRanking.titleKey("Part One - Part Two")).isEqualTo("part one - part two");
    assertThat(SetlistRanking.titleKey("Song - 2011 Remaster")).isEqualTo("song");
    assertThat(SetlistRanking.titleKey("Song (Interlude)")).isEqualTo("song (interlude)");
    assertThat(SetlistRanking.titleKey("Song [Live]")).isEqualTo("song");
  }

  @Test
  void theSameSongsInAnyOrderGiveTheSameSuggestionsAndFingerprint() {
    // given
    List<Song> songs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      songs.add(song("s" + i, "Track " + (i % 25), i % 7 == 0 ? null : (i * 37) % 100));
    }
    SetlistSuggestions first = ranking.rank(songs);

    // when
    List<Song> shuffled = new ArrayList<>(songs);
    Collections.shuffle(shuffled, new Random(42));
    SetlistSuggestions second = ranking.rank(shuffled);

    // then
    assertThat(second).isEqualTo(first);
    assertThat(first.songs()).hasSize(20);
  }

  @Test
  void tiesAreBrokenByTitleThenSpotifyId() {
    // given
    List<Song> songs =
        List.of(song("b", "Same", 50), song("a", "Also", 50), song("c", "Same2", 50));

    // when
    SetlistSuggestions suggestions = ranking.rank(songs);

    // then
    assertThat(suggestions.songs())
        .extracting(SuggestedSong::name)
        .containsExactly("Also", "Same", "Same2");
  }

  @Test
  void aChangeOfTheSongsChangesTheFingerprint() {
    // given
    List<Song> songs = List.of(song("a", "One", 50), song("b", "Two", 40));
    String before = ranking.fingerprint(songs, null);

    // when
    List<Song> morePopular = List.of(song("a", "One", 50), song("b", "Two", 41));
    List<Song> added = List.of(song("a", "One", 50), song("b", "Two", 40), song("c", "Three", 1));

    // then
    assertThat(ranking.fingerprint(morePopular, null)).isNotEqualTo(before);
    assertThat(ranking.fingerprint(added, null)).isNotEqualTo(before);
    assertThat(ranking.fingerprint(List.of(songs.get(1), songs.get(0)), null)).isEqualTo(before);
    assertThat(new SetlistRanking(10).fingerprint(songs, null)).isNotEqualTo(before);
    assertThat(ranking.fingerprint(songs, "albums")).isNotEqualTo(before);
  }

  @Test
  void theSongsSourceIsKeptWithTheSuggestions() {
    SetlistSuggestions suggestions = ranking.rank(List.of(song("a", "One", null)), "albums");

    assertThat(suggestions.songsSource()).isEqualTo("albums");
    assertThat(suggestions.rankedBy()).isEqualTo(RankedBy.APPEARANCES);
  }

  @Test
  void noSongsGiveAnEmptyListRankedByNothing() {
    SetlistSuggestions suggestions = ranking.rank(List.of());

    assertThat(suggestions.songs()).isEmpty();
    assertThat(suggestions.rankedBy()).isEqualTo(RankedBy.NONE);
  }

  private static Song song(String spotifyId, String name, Integer popularity) {
    return new Song(
        UUID.nameUUIDFromBytes(spotifyId.getBytes()),
        spotifyId,
        name,
        "Album",
        200_000,
        popularity);
  }
}
