package io.setsync.worker.venue.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.testsupport.TestInfrastructure;
import io.setsync.worker.venue.link.VenueStore.VenueRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The venue-linker's SQL on a real, migrated PostgreSQL. */
class VenueStoreIntegrationTests {

  private static JdbcTemplate jdbc;
  private static VenueStore store;

  @BeforeAll
  static void database() {
    jdbc = new JdbcTemplate(TestInfrastructure.newDatabase().dataSource());
    store = new VenueStore(jdbc);
  }

  @Test
  void upsertOnTheTicketmasterIdKeepsTheFirstRowsUuidAndReportsOnlyRealChanges() {
    // given
    UUID first = UUID.randomUUID();
    Set<String> inserted = store.upsert(List.of(new VenueRow(first, venue("vn-1", "Hall"))));

    // when
    Set<String> same =
        store.upsert(List.of(new VenueRow(UUID.randomUUID(), venue("vn-1", "Hall"))));
    Set<String> renamed =
        store.upsert(List.of(new VenueRow(UUID.randomUUID(), venue("vn-1", "New Hall"))));

    // then
    assertThat(inserted).containsExactly("vn-1");
    assertThat(same).isEmpty();
    assertThat(renamed).containsExactly("vn-1");
    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM venues WHERE ticketmaster_id = 'vn-1'");
    assertThat(row.get("id")).isEqualTo(first);
    assertThat(row.get("name")).isEqualTo("New Hall");
    assertThat((BigDecimal) row.get("latitude")).isEqualByComparingTo("40.750000");
  }

  @Test
  void linkingReachesShowsThatArrivedBeforeAndShowsLinkedElsewhere() {
    // given
    UUID venue = UUID.randomUUID();
    store.upsert(List.of(new VenueRow(venue, venue("vn-2", "Arena"))));
    UUID other = UUID.randomUUID();
    store.upsert(List.of(new VenueRow(other, venue("vn-2-old", "Old"))));
    UUID early = show("ev-2a", "vn-2", null);
    UUID moved = show("ev-2b", "vn-2", other);
    UUID elsewhere = show("ev-2c", "vn-2-old", other);

    // when
    Map<String, Long> linked = store.linkShows(List.of("vn-2"));
    Map<String, Long> again = store.linkShows(List.of("vn-2"));

    // then
    assertThat(linked).containsExactly(Map.entry("vn-2", 2L));
    assertThat(again).isEmpty();
    assertThat(venueOf(early)).isEqualTo(venue);
    assertThat(venueOf(moved)).isEqualTo(venue);
    assertThat(venueOf(elsewhere)).isEqualTo(other);
  }

  private UUID show(String ticketmasterId, String venueTicketmasterId, UUID venueId) {
    return jdbc.queryForObject(
        "INSERT INTO shows (ticketmaster_id, venue_ticketmaster_id, venue_id) VALUES (?, ?, ?)"
            + " RETURNING id",
        UUID.class,
        ticketmasterId,
        venueTicketmasterId,
        venueId);
  }

  private UUID venueOf(UUID show) {
    return jdbc.queryForObject("SELECT venue_id FROM shows WHERE id = ?", UUID.class, show);
  }

  private static VenueDetails venue(String ticketmasterId, String name) {
    return new VenueDetails(
        ticketmasterId,
        name,
        "New York",
        "NY",
        "US",
        "1 Main St",
        "10001",
        new BigDecimal("40.750000"),
        new BigDecimal("-73.990000"),
        "America/New_York",
        "https://example.test/" + ticketmasterId,
        null);
  }
}
