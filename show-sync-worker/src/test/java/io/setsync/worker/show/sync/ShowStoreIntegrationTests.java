package io.setsync.worker.show.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.testsupport.TestInfrastructure;
import io.setsync.worker.show.sync.ShowStore.ShowRow;
import io.setsync.worker.show.sync.ShowStore.StoredArtist;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The show worker's SQL on a real, migrated PostgreSQL. */
class ShowStoreIntegrationTests {

  private static JdbcTemplate jdbc;
  private static ShowStore store;

  @BeforeAll
  static void database() {
    jdbc = new JdbcTemplate(TestInfrastructure.newDatabase().dataSource());
    store = new ShowStore(jdbc);
  }

  @Test
  void upsertInsertsThenReportsOnlyRealChanges() {
    // given
    ShowRow row = row("ev-1", null, "vn-1", null, "First name", null);

    // when
    Set<String> inserted = store.upsert(List.of(row));
    Set<String> again = store.upsert(List.of(row));
    Set<String> renamed = store.upsert(List.of(row("ev-1", null, "vn-1", null, "Renamed", null)));

    // then
    assertThat(inserted).containsExactly("ev-1");
    assertThat(again).isEmpty();
    assertThat(renamed).containsExactly("ev-1");
    assertThat(
            jdbc.queryForObject(
                "SELECT name FROM shows WHERE ticketmaster_id = 'ev-1'", String.class))
        .isEqualTo("Renamed");
  }

  @Test
  void theArtistAlreadySetIsKeptAndSuggestionsAreOnlyReplacedNeverCleared() {
    // given
    UUID first = artist("at-2a");
    UUID second = artist("at-2b");
    store.upsert(List.of(row("ev-2", first, null, null, "Show", "{\"songs\": [1]}")));

    // when
    store.upsert(List.of(row("ev-2", second, null, null, "Show", null)));

    // then
    Map<String, Object> show =
        jdbc.queryForMap(
            "SELECT artist_id, setlist_suggestions::text AS s FROM shows WHERE ticketmaster_id ="
                + " 'ev-2'");
    assertThat(show.get("artist_id")).isEqualTo(first);
    assertThat(show.get("s")).isEqualTo("{\"songs\": [1]}");
  }

  @Test
  void aVenuePlaceholderIsCreatedOnceAndShowsLinkToIt() {
    // when
    Set<String> created = store.insertVenuePlaceholders(List.of("vn-3", "vn-3b"));
    Set<String> createdAgain = store.insertVenuePlaceholders(List.of("vn-3"));
    UUID venueId = store.venues(List.of("vn-3")).get("vn-3").id();
    store.upsert(List.of(row("ev-3", null, "vn-3", venueId, "Show", null)));

    // then
    assertThat(created).containsExactlyInAnyOrder("vn-3", "vn-3b");
    assertThat(createdAgain).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT venue_id FROM shows WHERE ticketmaster_id = 'ev-3'", UUID.class))
        .isEqualTo(venueId);
  }

  @Test
  void aShowNamingAnotherVenueLosesTheOldLinkUntilTheNewVenueIsKnown() {
    // given
    store.insertVenuePlaceholders(List.of("vn-4a"));
    UUID oldVenue = store.venues(List.of("vn-4a")).get("vn-4a").id();
    store.upsert(List.of(row("ev-4", null, "vn-4a", oldVenue, "Show", null)));

    // when
    store.upsert(List.of(row("ev-4", null, "vn-4b", null, "Show", null)));

    // then
    Map<String, Object> show =
        jdbc.queryForMap(
            "SELECT venue_id, venue_ticketmaster_id FROM shows WHERE ticketmaster_id = 'ev-4'");
    assertThat(show.get("venue_id")).isNull();
    assertThat(show.get("venue_ticketmaster_id")).isEqualTo("vn-4b");
  }

  @Test
  void anArtistPlaceholderIsNotSyncedUntilTheArtistWorkerFillsIt() {
    // given
    store.insertArtistPlaceholders(Map.of("at-5", "Somebody"));
    StoredArtist placeholder = store.artists(List.of(), List.of("at-5")).get(0);

    // when
    jdbc.update("UPDATE artists SET spotify_id = 'sp-5' WHERE id = ?", placeholder.id());

    // then
    assertThat(placeholder.synced()).isFalse();
    assertThat(store.artists(List.of(placeholder.id()), List.of()).get(0).synced()).isTrue();
  }

  @Test
  void anArtistWhoseSyncEndedCountsAsSyncedEvenWithoutSpotifyIdOrSongs() {
    // given: the artist worker found no Spotify match, and recorded its sync in the ledger
    store.insertArtistPlaceholders(Map.of("at-6", "Ambiguous"));
    StoredArtist placeholder = store.artists(List.of(), List.of("at-6")).get(0);

    // when
    jdbc.update(
        "INSERT INTO processed_syncs (sync_id, entity_type, entity_id, outcome, fetched, attempt,"
            + " event_id, started_at, finished_at)"
            + " VALUES (?, 'artist', ?, 'completed', true, 1, ?, now(), now())",
        UUID.randomUUID(),
        placeholder.id(),
        UUID.randomUUID());

    // then
    assertThat(store.artists(List.of(placeholder.id()), List.of()).get(0).synced()).isTrue();
  }

  private UUID artist(String ticketmasterId) {
    return jdbc.queryForObject(
        "INSERT INTO artists (ticketmaster_id, spotify_id) VALUES (?, ?) RETURNING id",
        UUID.class,
        ticketmasterId,
        "sp-" + ticketmasterId);
  }

  private static ShowRow row(
      String ticketmasterId,
      UUID artistId,
      String venueTicketmasterId,
      UUID venueId,
      String name,
      String suggestions) {
    return new ShowRow(
        UUID.randomUUID(),
        ticketmasterId,
        artistId,
        venueTicketmasterId,
        venueId,
        name,
        Instant.parse("2026-06-01T23:30:00Z"),
        LocalDate.parse("2026-06-01"),
        "onsale",
        "https://example.test/" + ticketmasterId,
        null,
        suggestions);
  }
}
