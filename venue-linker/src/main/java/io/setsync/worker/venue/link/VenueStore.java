package io.setsync.worker.venue.link;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The venue-linker's reads and writes of {@code venues} and {@code shows}. */
class VenueStore {

  private static final String VENUES_BY_ID =
      """
      SELECT id, ticketmaster_id FROM venues WHERE id = ANY (?::text[]::uuid[])
      """;

  // Upsert on the natural key: a row another instance (or the show worker's placeholder) inserted
  // first is updated in place and keeps its UUID, so links made to it stay valid.
  private static final String UPSERT_VENUES =
      """
      INSERT INTO venues AS v (
          id, ticketmaster_id, name, city, state, country, address, postal_code, latitude,
          longitude, timezone, url, image_url)
      SELECT * FROM unnest(
          ?::text[]::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
          ?::text[], ?::text[]::numeric[], ?::text[]::numeric[], ?::text[], ?::text[], ?::text[])
        AS u(id, tm, name, city, state, country, address, postal_code, latitude, longitude,
             timezone, url, image_url)
      ORDER BY tm
      ON CONFLICT (ticketmaster_id) DO UPDATE SET
          name = EXCLUDED.name,
          city = EXCLUDED.city,
          state = EXCLUDED.state,
          country = EXCLUDED.country,
          address = EXCLUDED.address,
          postal_code = EXCLUDED.postal_code,
          latitude = EXCLUDED.latitude,
          longitude = EXCLUDED.longitude,
          timezone = EXCLUDED.timezone,
          url = EXCLUDED.url,
          image_url = EXCLUDED.image_url,
          updated_at = now()
      WHERE (v.name, v.city, v.state, v.country, v.address, v.postal_code, v.latitude,
             v.longitude, v.timezone, v.url, v.image_url)
            IS DISTINCT FROM
            (EXCLUDED.name, EXCLUDED.city, EXCLUDED.state, EXCLUDED.country, EXCLUDED.address,
             EXCLUDED.postal_code, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.timezone,
             EXCLUDED.url, EXCLUDED.image_url)
      RETURNING v.ticketmaster_id
      """;

  // Every show naming one of the venues and not linked to it yet, whenever it arrived. Rows are
  // locked in Ticketmaster id order, as the show worker's upserts lock them, so the two cannot
  // deadlock.
  private static final String LINK_SHOWS =
      """
      WITH unlinked AS (
          SELECT s.id, v.id AS venue_id, v.ticketmaster_id AS venue_tm
          FROM shows s JOIN venues v ON v.ticketmaster_id = s.venue_ticketmaster_id
          WHERE v.ticketmaster_id = ANY (?::text[])
            AND s.venue_id IS DISTINCT FROM v.id
          ORDER BY s.ticketmaster_id
          FOR UPDATE OF s)
      UPDATE shows
      SET venue_id = unlinked.venue_id, updated_at = now()
      FROM unlinked
      WHERE shows.id = unlinked.id
      RETURNING unlinked.venue_tm
      """;

  /** One venue row to upsert; {@code id} is used only if the venue is new. */
  record VenueRow(UUID id, VenueDetails venue) {}

  private final JdbcTemplate jdbc;

  VenueStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The Ticketmaster ids of the stored venues among these ids. */
  Map<UUID, String> ticketmasterIds(Collection<UUID> venueIds) {
    Map<UUID, String> found = new HashMap<>();
    if (venueIds.isEmpty()) {
      return found;
    }
    jdbc.query(
        VENUES_BY_ID,
        rs -> {
          found.put(rs.getObject("id", UUID.class), rs.getString("ticketmaster_id"));
        },
        (Object) venueIds.stream().map(UUID::toString).toArray(String[]::new));
    return found;
  }

  /**
   * Upserts the venues (one row per Ticketmaster id) in one statement; returns the Ticketmaster ids
   * of the rows that were inserted or changed.
   */
  Set<String> upsert(List<VenueRow> rows) {
    Set<String> changed = new HashSet<>();
    if (rows.isEmpty()) {
      return changed;
    }
    int n = rows.size();
    String[][] columns = new String[13][n];
    for (int i = 0; i < n; i++) {
      VenueRow row = rows.get(i);
      VenueDetails venue = row.venue();
      columns[0][i] = row.id().toString();
      columns[1][i] = venue.ticketmasterId();
      columns[2][i] = venue.name();
      columns[3][i] = venue.city();
      columns[4][i] = venue.state();
      columns[5][i] = venue.country();
      columns[6][i] = venue.address();
      columns[7][i] = venue.postalCode();
      columns[8][i] = Objects.toString(venue.latitude(), null);
      columns[9][i] = Objects.toString(venue.longitude(), null);
      columns[10][i] = venue.timezone();
      columns[11][i] = venue.url();
      columns[12][i] = venue.imageUrl();
    }
    jdbc.query(
        UPSERT_VENUES,
        rs -> {
          changed.add(rs.getString(1));
        },
        (Object[]) columns);
    return changed;
  }

  /** Links every show naming one of these venues to it; returns shows linked per venue. */
  Map<String, Long> linkShows(Collection<String> venueTicketmasterIds) {
    Map<String, Long> linked = new HashMap<>();
    if (venueTicketmasterIds.isEmpty()) {
      return linked;
    }
    jdbc.query(
        LINK_SHOWS,
        rs -> {
          linked.merge(rs.getString(1), 1L, Long::sum);
        },
        (Object) venueTicketmasterIds.toArray(String[]::new));
    return linked;
  }
}
