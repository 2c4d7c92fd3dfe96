package io.setsync.worker.show.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The show worker's reads and writes of {@code shows}, {@code artists} and {@code venues}. */
class ShowStore {

  private static final String SHOWS_BY_ID =
      """
      SELECT id, ticketmaster_id FROM shows WHERE id = ANY (?::text[]::uuid[])
      """;

  private static final String EXISTING_SHOWS =
      """
      SELECT ticketmaster_id, artist_id FROM shows WHERE ticketmaster_id = ANY (?::text[])
      """;

  // Synced: the artist worker has written it (a Spotify id, songs or their source), a sync of it is
  // over (the workers' ledger, or the projector's last_sync/failed), whatever the outcome. A row
  // with none of these is a placeholder still waiting for its first sync.
  private static final String ARTISTS =
      """
      SELECT a.id, a.ticketmaster_id,
             a.spotify_id IS NOT NULL
               OR a.songs_source IS NOT NULL
               OR a.last_sync IS NOT NULL
               OR a.sync_status = 'failed'
               OR EXISTS (SELECT 1 FROM songs s WHERE s.artist_id = a.id)
               OR EXISTS (SELECT 1 FROM processed_syncs p
                          WHERE p.entity_type = 'artist' AND p.entity_id = a.id) AS synced
      FROM artists a
      WHERE a.id = ANY (?::text[]::uuid[]) OR a.ticketmaster_id = ANY (?::text[])
      """;

  private static final String INSERT_ARTIST_PLACEHOLDERS =
      """
      INSERT INTO artists (ticketmaster_id, name)
      SELECT tm, name FROM unnest(?::text[], ?::text[]) AS u(tm, name) ORDER BY tm
      ON CONFLICT (ticketmaster_id) DO NOTHING
      RETURNING ticketmaster_id
      """;

  private static final String VENUES =
      """
      SELECT id, ticketmaster_id, timezone FROM venues WHERE ticketmaster_id = ANY (?::text[])
      """;

  private static final String INSERT_VENUE_PLACEHOLDERS =
      """
      INSERT INTO venues (ticketmaster_id)
      SELECT tm FROM unnest(?::text[]) AS u(tm) ORDER BY tm
      ON CONFLICT (ticketmaster_id) DO NOTHING
      RETURNING ticketmaster_id
      """;

  // The artist the show already has wins: the artist worker set it for the artist it synced.
  // The venue follows the venue id the event names; a venue not stored yet is linked later by
  // the venue-linker. Suggestions are only replaced by new ones, never cleared.
  private static final String UPSERT_SHOWS =
      """
      INSERT INTO shows AS s (
          id, ticketmaster_id, artist_id, venue_ticketmaster_id, venue_id, name, starts_at,
          local_date, status, url, image_url, setlist_suggestions)
      SELECT id, tm, artist_id, venue_tm, venue_id, name, starts_at, local_date, status, url,
             image_url, suggestions::jsonb
      FROM unnest(?::text[]::uuid[], ?::text[], ?::text[]::uuid[], ?::text[], ?::text[]::uuid[],
                  ?::text[], ?::text[]::timestamptz[], ?::text[]::date[], ?::text[], ?::text[],
                  ?::text[], ?::text[])
        AS u(id, tm, artist_id, venue_tm, venue_id, name, starts_at, local_date, status, url,
             image_url, suggestions)
      ORDER BY tm
      ON CONFLICT (ticketmaster_id) DO UPDATE SET
          artist_id = COALESCE(s.artist_id, EXCLUDED.artist_id),
          venue_ticketmaster_id = COALESCE(EXCLUDED.venue_ticketmaster_id, s.venue_ticketmaster_id),
          venue_id = COALESCE(
              EXCLUDED.venue_id,
              CASE WHEN EXCLUDED.venue_ticketmaster_id IS NULL
                     OR EXCLUDED.venue_ticketmaster_id = s.venue_ticketmaster_id
                   THEN s.venue_id END),
          name = EXCLUDED.name,
          starts_at = EXCLUDED.starts_at,
          local_date = EXCLUDED.local_date,
          status = EXCLUDED.status,
          url = EXCLUDED.url,
          image_url = EXCLUDED.image_url,
          setlist_suggestions = COALESCE(EXCLUDED.setlist_suggestions, s.setlist_suggestions),
          updated_at = now()
      WHERE (s.artist_id IS NULL AND EXCLUDED.artist_id IS NOT NULL)
         OR (EXCLUDED.venue_id IS NOT NULL AND s.venue_id IS DISTINCT FROM EXCLUDED.venue_id)
         OR (EXCLUDED.venue_ticketmaster_id IS NOT NULL
             AND s.venue_ticketmaster_id IS DISTINCT FROM EXCLUDED.venue_ticketmaster_id)
         OR (EXCLUDED.setlist_suggestions IS NOT NULL
             AND s.setlist_suggestions IS DISTINCT FROM EXCLUDED.setlist_suggestions)
         OR (s.name, s.starts_at, s.local_date, s.status, s.url, s.image_url)
            IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.starts_at, EXCLUDED.local_date,
                              EXCLUDED.status, EXCLUDED.url, EXCLUDED.image_url)
      RETURNING s.ticketmaster_id
      """;

  /** An artist as the show worker sees it: its id, and whether it has been synced yet. */
  record StoredArtist(UUID id, String ticketmasterId, boolean synced) {}

  record StoredVenue(UUID id, String ticketmasterId, String timezone) {}

  /** One show row to write. {@code suggestionsJson} null keeps the stored suggestions. */
  record ShowRow(
      UUID id,
      String ticketmasterId,
      UUID artistId,
      String venueTicketmasterId,
      UUID venueId,
      String name,
      Instant startsAt,
      LocalDate localDate,
      String status,
      String url,
      String imageUrl,
      String suggestionsJson) {}

  private final JdbcTemplate jdbc;

  ShowStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Ticketmaster ids of the shows with these ids, for requests that name only our id. */
  Map<UUID, String> ticketmasterIds(Collection<UUID> showIds) {
    Map<UUID, String> found = new HashMap<>();
    if (showIds.isEmpty()) {
      return found;
    }
    jdbc.query(
        SHOWS_BY_ID,
        rs -> {
          found.put(rs.getObject("id", UUID.class), rs.getString("ticketmaster_id"));
        },
        (Object) strings(showIds));
    return found;
  }

  /** The artist already set on each stored show, by the show's Ticketmaster id. */
  Map<String, UUID> artistOfShows(Collection<String> showTicketmasterIds) {
    Map<String, UUID> found = new HashMap<>();
    jdbc.query(
        EXISTING_SHOWS,
        rs -> {
          UUID artistId = rs.getObject("artist_id", UUID.class);
          if (artistId != null) {
            found.put(rs.getString("ticketmaster_id"), artistId);
          }
        },
        (Object) showTicketmasterIds.toArray(String[]::new));
    return found;
  }

  /** The stored artists among these ids and Ticketmaster attraction ids. */
  List<StoredArtist> artists(Collection<UUID> ids, Collection<String> ticketmasterIds) {
    return jdbc.query(
        ARTISTS,
        (rs, row) ->
            new StoredArtist(
                rs.getObject("id", UUID.class),
                rs.getString("ticketmaster_id"),
                rs.getBoolean("synced")),
        strings(ids),
        ticketmasterIds.toArray(String[]::new));
  }

  /**
   * Makes sure a row exists for each attraction, so that its sync can be asked for by UUID. A row
   * another transaction inserted first is kept as it is. Returns the Ticketmaster ids of the rows
   * this call created.
   */
  Set<String> insertArtistPlaceholders(Map<String, String> namesByTicketmasterId) {
    Set<String> created = new HashSet<>();
    if (namesByTicketmasterId.isEmpty()) {
      return created;
    }
    String[] ids = namesByTicketmasterId.keySet().toArray(String[]::new);
    String[] names = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      names[i] = namesByTicketmasterId.get(ids[i]);
    }
    jdbc.query(
        INSERT_ARTIST_PLACEHOLDERS,
        rs -> {
          created.add(rs.getString(1));
        },
        ids,
        names);
    return created;
  }

  Map<String, StoredVenue> venues(Collection<String> ticketmasterIds) {
    Map<String, StoredVenue> found = new HashMap<>();
    if (ticketmasterIds.isEmpty()) {
      return found;
    }
    jdbc.query(
        VENUES,
        rs -> {
          StoredVenue venue =
              new StoredVenue(
                  rs.getObject("id", UUID.class),
                  rs.getString("ticketmaster_id"),
                  rs.getString("timezone"));
          found.put(venue.ticketmasterId(), venue);
        },
        (Object) ticketmasterIds.toArray(String[]::new));
    return found;
  }

  /**
   * Inserts a placeholder row for each venue not stored yet and returns the Ticketmaster ids of the
   * rows this call created: the shows link to the row at once, and the venue-linker fills it in
   * place (it upserts on {@code ticketmaster_id}), so the link survives whichever comes first.
   */
  Set<String> insertVenuePlaceholders(Collection<String> ticketmasterIds) {
    Set<String> created = new HashSet<>();
    if (ticketmasterIds.isEmpty()) {
      return created;
    }
    jdbc.query(
        INSERT_VENUE_PLACEHOLDERS,
        rs -> {
          created.add(rs.getString(1));
        },
        (Object) ticketmasterIds.toArray(String[]::new));
    return created;
  }

  /**
   * Upserts the shows in one statement; returns the Ticketmaster ids of the rows that changed. Two
   * rows for one event (requests naming it by different UUIDs) write the first.
   */
  Set<String> upsert(List<ShowRow> all) {
    Set<String> changed = new HashSet<>();
    if (all.isEmpty()) {
      return changed;
    }
    Map<String, ShowRow> byEvent = new LinkedHashMap<>();
    all.forEach(row -> byEvent.putIfAbsent(row.ticketmasterId(), row));
    List<ShowRow> rows = List.copyOf(byEvent.values());
    int n = rows.size();
    String[][] columns = new String[12][n];
    for (int i = 0; i < n; i++) {
      ShowRow row = rows.get(i);
      columns[0][i] = row.id().toString();
      columns[1][i] = row.ticketmasterId();
      columns[2][i] = Objects.toString(row.artistId(), null);
      columns[3][i] = row.venueTicketmasterId();
      columns[4][i] = Objects.toString(row.venueId(), null);
      columns[5][i] = row.name();
      columns[6][i] = Objects.toString(row.startsAt(), null);
      columns[7][i] = Objects.toString(row.localDate(), null);
      columns[8][i] = row.status();
      columns[9][i] = row.url();
      columns[10][i] = row.imageUrl();
      columns[11][i] = row.suggestionsJson();
    }
    jdbc.query(
        UPSERT_SHOWS,
        rs -> {
          changed.add(rs.getString(1));
        },
        (Object[]) columns);
    return changed;
  }

  private static String[] strings(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).toArray(String[]::new);
  }
}
