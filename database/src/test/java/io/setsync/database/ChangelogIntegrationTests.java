package io.setsync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ChangelogIntegrationTests {

  private static JdbcClient jdbc;
  private static TransactionTemplate transactions;

  @BeforeAll
  static void migratedDatabase() {
    PostgresDatabase database = TestInfrastructure.newDatabase();
    jdbc = JdbcClient.create(database.dataSource());
    transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
  }

  @Test
  void createsEveryTableOfTheContract() {
    List<String> tables =
        jdbc.sql(
                """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                """)
            .query(String.class)
            .list();

    assertThat(tables).contains("artists", "songs", "venues", "shows", "sync_jobs");
  }

  @Test
  void givesTheCatalogTablesTheirSyncColumns() {
    for (String table : List.of("artists", "venues", "shows")) {
      List<String> columns =
          jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = :table")
              .param("table", table)
              .query(String.class)
              .list();
      assertThat(columns).as(table).contains("sync_status", "last_sync", "last_sync_error");
    }
  }

  @Test
  void refusesASecondArtistWithTheSameSpotifyId() {
    String spotifyId = uniqueId();
    insertArtist(spotifyId, null);

    assertThatThrownBy(() -> insertArtist(spotifyId, null))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("artists_spotify_id_key");
  }

  @Test
  void refusesASecondArtistWithTheSameTicketmasterId() {
    String ticketmasterId = uniqueId();
    insertArtist(null, ticketmasterId);

    assertThatThrownBy(() -> insertArtist(null, ticketmasterId))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("artists_ticketmaster_id_key");
  }

  @Test
  void refusesAnArtistWithoutAnyExternalId() {
    assertThatThrownBy(() -> insertArtist(null, null))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("artists_has_external_id");
  }

  @Test
  void refusesAShowWhoseVenueDoesNotExist() {
    assertThatThrownBy(
            () ->
                jdbc.sql("INSERT INTO shows (ticketmaster_id, venue_id) VALUES (:tm, :venue)")
                    .param("tm", uniqueId())
                    .param("venue", UUID.randomUUID())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("shows_venue_id_fkey");
  }

  @Test
  void linksAShowToAnExistingVenue() {
    UUID venueId =
        jdbc.sql("INSERT INTO venues (ticketmaster_id, name) VALUES (:tm, 'Hall') RETURNING id")
            .param("tm", uniqueId())
            .query(UUID.class)
            .single();

    int inserted =
        jdbc.sql("INSERT INTO shows (ticketmaster_id, venue_id) VALUES (:tm, :venue)")
            .param("tm", uniqueId())
            .param("venue", venueId)
            .update();

    assertThat(inserted).isEqualTo(1);
  }

  @Test
  void refusesAnUnknownSyncStatus() {
    assertThatThrownBy(
            () ->
                jdbc.sql("INSERT INTO venues (ticketmaster_id, sync_status) VALUES (:tm, 'done')")
                    .param("tm", uniqueId())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void refusesASongOfAnUnknownArtist() {
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO songs (spotify_id, artist_id, name) VALUES (:id, :artist, 'x')")
                    .param("id", uniqueId())
                    .param("artist", UUID.randomUUID())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("songs_artist_id_fkey");
  }

  @Test
  void indexesTheQueriesByExternalIdStatusAndLastSync() {
    List<String> indexes =
        jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
            .query(String.class)
            .list();

    assertThat(indexes)
        .contains(
            "artists_spotify_id_key",
            "artists_ticketmaster_id_key",
            "shows_ticketmaster_id_key",
            "venues_ticketmaster_id_key",
            "songs_spotify_id_key",
            "artists_sync_status_idx",
            "artists_last_sync_idx",
            "shows_unlinked_venue_idx",
            "sync_jobs_entity_idx");
  }

  @Test
  void indexesShowsOnlyByTheColumnsTheyAreLookedUpBy() {
    List<String> indexes =
        jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'shows'")
            .query(String.class)
            .list();

    assertThat(indexes)
        .containsExactlyInAnyOrder(
            "shows_pkey",
            "shows_ticketmaster_id_key",
            "shows_artist_id_idx",
            "shows_venue_id_idx",
            "shows_unlinked_venue_idx",
            "shows_venue_ticketmaster_id_idx");
  }

  @Test
  void leavesRoomOnEachPageOfShowsForUpdatedRows() {
    List<String> options =
        jdbc.sql("SELECT unnest(reloptions) FROM pg_class WHERE oid = 'shows'::regclass")
            .query(String.class)
            .list();

    assertThat(options).contains("fillfactor=20");
  }

  @Test
  void updatesTheSyncStatusOfAShowWithoutTouchingItsIndexes() {
    // given: a show, in the transaction whose own counters tell how its rows were updated
    Long hotUpdates =
        transactions.execute(
            status -> {
              UUID showId =
                  jdbc.sql(
                          "INSERT INTO shows (ticketmaster_id, name) VALUES (:tm, 'Show')"
                              + " RETURNING id")
                      .param("tm", uniqueId())
                      .query(UUID.class)
                      .single();

              // when: what the status projector writes
              jdbc.sql(
                      "UPDATE shows SET sync_status = 'synced', sync_status_at = now(),"
                          + " last_sync = now(), last_sync_error = NULL WHERE id = :id")
                  .param("id", showId)
                  .update();
              return jdbc.sql("SELECT pg_stat_get_xact_tuples_hot_updated('shows'::regclass)")
                  .query(Long.class)
                  .single();
            });

    // then: a heap-only tuple update, no index entry written
    assertThat(hotUpdates).isEqualTo(1);
  }

  @Test
  void keepsEveryUpdateOfAShowSyncOnItsPageAfterTheSuggestionsGrowTheRow() {
    // given: queued shows of the size the artist worker inserts (~350 bytes), enough to fill pages
    List<UUID> shows =
        IntStream.range(0, 12)
            .mapToObj(
                i ->
                    jdbc.sql(
                            "INSERT INTO shows (ticketmaster_id, name, url, image_url, sync_status)"
                                + " VALUES (:tm, 'A Show At A Venue', :url, :url, 'queued')"
                                + " RETURNING id")
                        .param("tm", uniqueId())
                        .param("url", "https://www.ticketmaster.com/event/" + "x".repeat(90))
                        .query(UUID.class)
                        .single())
            .toList();
    String suggestions = "{\"songs\": \"" + "x".repeat(1000) + "\", \"songsFingerprint\": \"f\"}";

    // when: each show's sync stores its suggestions (~1 KB), then the projector its status, each
    // in its own transaction as in the services
    List<Long> hotUpdates = new ArrayList<>();
    for (UUID show : shows) {
      hotUpdates.add(
          hotUpdatesOf(
              () ->
                  jdbc.sql(
                          "UPDATE shows SET setlist_suggestions = :suggestions::jsonb,"
                              + " updated_at = now() WHERE id = :id")
                      .param("suggestions", suggestions)
                      .param("id", show)
                      .update()));
    }
    for (UUID show : shows) {
      hotUpdates.add(
          hotUpdatesOf(
              () ->
                  jdbc.sql(
                          "UPDATE shows SET sync_status = 'synced', sync_status_at = now(),"
                              + " last_sync = now() WHERE id = :id")
                      .param("id", show)
                      .update()));
    }

    // then: no update wrote an index entry
    assertThat(hotUpdates).containsOnly(1L);
  }

  /** Runs the update in a transaction of its own; returns the HOT updates of shows it made. */
  private static long hotUpdatesOf(Runnable update) {
    return transactions.execute(
        status -> {
          update.run();
          return jdbc.sql("SELECT pg_stat_get_xact_tuples_hot_updated('shows'::regclass)")
              .query(Long.class)
              .single();
        });
  }

  private static void insertArtist(String spotifyId, String ticketmasterId) {
    jdbc.sql("INSERT INTO artists (spotify_id, ticketmaster_id) VALUES (:spotify, :tm)")
        .param("spotify", spotifyId)
        .param("tm", ticketmasterId)
        .update();
  }

  private static String uniqueId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
  }
}
