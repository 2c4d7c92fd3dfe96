package io.setsync.worker.artist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.testsupport.LockOrderProbe;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.upstream.spotify.SpotifyTrack;
import io.setsync.worker.artist.sync.ArtistStore.ArtistRow;
import io.setsync.worker.artist.sync.ArtistStore.SongRow;
import io.setsync.worker.artist.sync.ShowStore.ShowRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The artist worker writes rows in the order the other writers of the same tables take them
 * (Ticketmaster ids; Spotify ids for songs), so that it cannot deadlock with them: each write of
 * [second, first] goes through {@link LockOrderProbe} without a deadlock.
 */
class LockOrderIntegrationTests {

  private static PostgresDatabase db;
  private static JdbcTemplate jdbc;
  private static ArtistStore artists;
  private static ShowStore shows;

  @BeforeAll
  static void database() {
    db = TestInfrastructure.newDatabase();
    jdbc = new JdbcTemplate(db.dataSource());
    artists = new ArtistStore(jdbc, JsonMapper.builder().build());
    shows = new ShowStore(jdbc);
  }

  @Test
  void venuesAreEnsuredInTicketmasterIdOrder() throws Exception {
    Map<String, String> namesById = new LinkedHashMap<>();
    namesById.put("lo-vn-b", "Venue B");
    namesById.put("lo-vn-a", "Venue A");

    var written =
        LockOrderProbe.run(
            db.dataSource(),
            "INSERT INTO venues (ticketmaster_id) VALUES ('lo-vn-a')",
            () -> shows.ensureVenues(namesById),
            "INSERT INTO venues (ticketmaster_id) VALUES ('lo-vn-b')");

    assertThat(written).containsOnlyKeys("lo-vn-a", "lo-vn-b");
  }

  @Test
  void showsAreUpsertedInTicketmasterIdOrder() throws Exception {
    List<ShowRow> rows = List.of(show("lo-ev-b"), show("lo-ev-a"));

    var written =
        LockOrderProbe.run(
            db.dataSource(),
            "INSERT INTO shows (ticketmaster_id, name) VALUES ('lo-ev-a', 'placeholder')",
            () -> shows.upsertShows(rows),
            "INSERT INTO shows (ticketmaster_id, name) VALUES ('lo-ev-b', 'placeholder')");

    assertThat(written).containsOnlyKeys("lo-ev-a", "lo-ev-b");
  }

  @Test
  void artistsAreUpsertedInTicketmasterIdOrderAsTheShowWorkerInsertsPlaceholders()
      throws Exception {
    UUID first = artist("lo-sp-a");
    UUID second = artist("lo-sp-b");
    List<ArtistRow> rows =
        List.of(
            new ArtistRow(second, "lo-at-b", "Artist B", null, null),
            new ArtistRow(first, "lo-at-a", "Artist A", null, null));

    var written =
        LockOrderProbe.run(
            db.dataSource(),
            "INSERT INTO artists (ticketmaster_id, name) VALUES ('lo-at-a', 'placeholder')",
            () -> artists.upsertArtists(rows),
            "INSERT INTO artists (ticketmaster_id, name) VALUES ('lo-at-b', 'placeholder')");

    assertThat(written).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void songsAreUpsertedInSpotifyIdOrder() throws Exception {
    UUID artist = artist("lo-sp-songs");
    List<SongRow> rows = List.of(song(artist, "lo-sg-b"), song(artist, "lo-sg-a"));
    String takeSong =
        "INSERT INTO songs (spotify_id, artist_id, name) VALUES ('%s', '" + artist + "', 'x')";

    var written =
        LockOrderProbe.run(
            db.dataSource(),
            takeSong.formatted("lo-sg-a"),
            () -> artists.upsertSongs(rows),
            takeSong.formatted("lo-sg-b"));

    assertThat(written).containsEntry(artist, 2L);
  }

  private static UUID artist(String spotifyId) {
    return jdbc.queryForObject(
        "INSERT INTO artists (spotify_id, name) VALUES (?, 'Artist') RETURNING id",
        UUID.class,
        spotifyId);
  }

  private static ShowRow show(String ticketmasterId) {
    return new ShowRow(
        ticketmasterId, null, null, null, "Show", null, null, null, null, null, null);
  }

  private static SongRow song(UUID artist, String spotifyId) {
    return new SongRow(
        artist, new SpotifyTrack(spotifyId, "Song", null, "Album", 1000, 50, 1, null));
  }
}
