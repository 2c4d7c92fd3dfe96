package io.setsync.worker.show.setlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.testsupport.TestInfrastructure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The refresh of shows' suggestions after an artist's sync, on a real, migrated PostgreSQL. */
class ArtistSetlistsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JdbcTemplate jdbc;
  private static ArtistSetlists setlists;

  @BeforeAll
  static void database() {
    jdbc = new JdbcTemplate(TestInfrastructure.newDatabase().dataSource());
    setlists = new ArtistSetlists(jdbc, new SetlistRanking(20), JSON);
  }

  @Test
  void aShowWithoutSuggestionsIsLeftToItsOwnSync() {
    // given: a show the artist worker has just inserted, its sync not run yet
    UUID artistId = artistWithSongs("Hit", "Ballad");
    String show = show(artistId, null);
    String versionBefore = rowVersion(show);

    // when
    int refreshed = setlists.refreshShows(List.of(artistId));

    // then
    assertThat(refreshed).isZero();
    assertThat(suggestions(show)).isNull();
    assertThat(rowVersion(show)).isEqualTo(versionBefore);
  }

  @Test
  void suggestionsFromOtherSongsAreRewritten() {
    // given: a show synced before the artist's new song
    UUID artistId = artistWithSongs("Hit", "Ballad");
    String show = show(artistId, currentSuggestions(artistId));
    insertSong(artistId, "New Hit", 99);

    // when
    int refreshed = setlists.refreshShows(List.of(artistId));

    // then
    assertThat(refreshed).isEqualTo(1);
    assertThat(JSON.readTree(suggestions(show)).path("songs").findValuesAsString("name"))
        .containsExactly("New Hit", "Hit", "Ballad");
    assertThat(JSON.readTree(suggestions(show)).path("songsFingerprint").asString())
        .isEqualTo(setlists.suggestions(List.of(artistId)).get(artistId).songsFingerprint());
  }

  @Test
  void suggestionsFromTheCurrentSongsAreNotRewritten() {
    // given: a show synced after the artist's songs last changed
    UUID artistId = artistWithSongs("Hit", "Ballad");
    String show = show(artistId, currentSuggestions(artistId));
    String versionBefore = rowVersion(show);

    // when
    int refreshed = setlists.refreshShows(List.of(artistId));

    // then
    assertThat(refreshed).isZero();
    assertThat(rowVersion(show)).isEqualTo(versionBefore);
  }

  private UUID artistWithSongs(String first, String second) {
    UUID id =
        jdbc.queryForObject(
            "INSERT INTO artists (spotify_id, name) VALUES (?, 'Artist') RETURNING id",
            UUID.class,
            UUID.randomUUID().toString());
    insertSong(id, first, 80);
    insertSong(id, second, 40);
    return id;
  }

  private void insertSong(UUID artistId, String name, int popularity) {
    jdbc.update(
        "INSERT INTO songs (spotify_id, artist_id, name, album, duration_ms, popularity)"
            + " VALUES (?, ?, ?, 'Album', 200000, ?)",
        UUID.randomUUID().toString(),
        artistId,
        name,
        popularity);
  }

  private String currentSuggestions(UUID artistId) {
    return setlists.toJson(setlists.suggestions(List.of(artistId)).get(artistId));
  }

  private String show(UUID artistId, String suggestions) {
    String ticketmasterId = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO shows (ticketmaster_id, artist_id, name, setlist_suggestions)"
            + " VALUES (?, ?, 'Show', ?::jsonb)",
        ticketmasterId,
        artistId,
        suggestions);
    return ticketmasterId;
  }

  private String suggestions(String ticketmasterId) {
    return jdbc.queryForObject(
        "SELECT setlist_suggestions::text FROM shows WHERE ticketmaster_id = ?",
        String.class,
        ticketmasterId);
  }

  /** The transaction that wrote the row's current version: any UPDATE changes it. */
  private String rowVersion(String ticketmasterId) {
    return jdbc.queryForObject(
        "SELECT xmin::text FROM shows WHERE ticketmaster_id = ?", String.class, ticketmasterId);
  }
}
