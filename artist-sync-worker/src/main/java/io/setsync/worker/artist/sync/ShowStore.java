package io.setsync.worker.artist.sync;

import static io.setsync.worker.artist.sync.ArtistStore.array;
import static io.setsync.worker.artist.sync.ArtistStore.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code venues} (rows for venues the events name, so that they have a UUID to sync by) and {@code
 * shows}, upserted on their Ticketmaster ids.
 */
class ShowStore {

  // Pre-existing rows come from the statement's snapshot, new ones from the insert. Every writer of
  // venues, shows and artists takes their rows in Ticketmaster id order (the show worker, the
  // venue-linker and the statements here), so two of them cannot deadlock.
  private static final String ENSURE_VENUES =
      """
      WITH input AS (
          SELECT * FROM unnest(?::text[], ?::text[]) AS t(ticketmaster_id, name)
      ), created AS (
          INSERT INTO venues (ticketmaster_id, name)
          SELECT ticketmaster_id, name FROM input ORDER BY ticketmaster_id
          ON CONFLICT (ticketmaster_id) DO NOTHING
          RETURNING id, ticketmaster_id
      )
      SELECT v.id, v.ticketmaster_id, v.timezone, v.last_sync, v.sync_status, false AS created
      FROM venues v JOIN input ON input.ticketmaster_id = v.ticketmaster_id
      UNION ALL
      SELECT id, ticketmaster_id, NULL, NULL, NULL, true FROM created
      """;

  private static final String VENUES =
      """
      SELECT id, ticketmaster_id, timezone, last_sync, sync_status, false AS created
      FROM venues WHERE ticketmaster_id = ANY (?)
      """;

  // A show keeps the artist it was first linked to (a festival lists several), and its venue link
  // unless the event moved to another venue. Only rows that differ are written and returned. A new
  // row whose sync this poll asks for starts out queued at the time of that request, as sync-api
  // queues the entity a POST names: the projector then finds its SyncRequested already applied,
  // which saves a write of every new show.
  private static final String UPSERT_SHOWS =
      """
      INSERT INTO shows (ticketmaster_id, artist_id, venue_ticketmaster_id, venue_id, name,
                         starts_at, local_date, status, url, image_url, sync_status, sync_status_at)
      SELECT tm, artist_id, venue_tm, venue_id, name, starts_at, local_date, status, url,
             image_url, CASE WHEN queued_at IS NOT NULL THEN 'queued' END, queued_at
      FROM unnest(?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::timestamptz[],
                  ?::date[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
        AS u(tm, artist_id, venue_tm, venue_id, name, starts_at, local_date, status, url,
             image_url, queued_at)
      ORDER BY tm
      ON CONFLICT (ticketmaster_id) DO UPDATE SET
          artist_id = COALESCE(shows.artist_id, EXCLUDED.artist_id),
          venue_ticketmaster_id = EXCLUDED.venue_ticketmaster_id,
          venue_id = CASE
              WHEN shows.venue_ticketmaster_id IS NOT DISTINCT FROM EXCLUDED.venue_ticketmaster_id
              THEN COALESCE(shows.venue_id, EXCLUDED.venue_id)
              ELSE EXCLUDED.venue_id END,
          name = EXCLUDED.name,
          starts_at = EXCLUDED.starts_at,
          local_date = EXCLUDED.local_date,
          status = EXCLUDED.status,
          url = EXCLUDED.url,
          image_url = EXCLUDED.image_url,
          updated_at = now()
      WHERE (shows.venue_ticketmaster_id, shows.name, shows.starts_at, shows.local_date,
             shows.status, shows.url, shows.image_url)
            IS DISTINCT FROM
            (EXCLUDED.venue_ticketmaster_id, EXCLUDED.name, EXCLUDED.starts_at,
             EXCLUDED.local_date, EXCLUDED.status, EXCLUDED.url, EXCLUDED.image_url)
         OR (shows.artist_id IS NULL AND EXCLUDED.artist_id IS NOT NULL)
         OR (shows.venue_id IS NULL AND EXCLUDED.venue_id IS NOT NULL)
      RETURNING id, ticketmaster_id
      """;

  /**
   * A venue row.
   *
   * @param created whether this call created it
   * @param synced whether a venue sync ever completed for it
   * @param failed whether its last sync failed
   */
  record StoredVenue(
      UUID id,
      String ticketmasterId,
      String timezone,
      boolean created,
      boolean synced,
      boolean failed) {}

  /**
   * One show to write.
   *
   * @param queuedAt when this poll asks for the show's sync, or null if it does not
   */
  record ShowRow(
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
      Instant queuedAt) {}

  private final JdbcTemplate jdbc;

  ShowStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The venue rows of these Ticketmaster venues (id → name), creating the missing ones. */
  Map<String, StoredVenue> ensureVenues(Map<String, String> namesById) {
    Map<String, StoredVenue> venues = new HashMap<>();
    if (namesById.isEmpty()) {
      return venues;
    }
    String[] ids = namesById.keySet().toArray(String[]::new);
    String[] names = namesById.values().toArray(String[]::new);
    jdbc.query(
        connection ->
            statement(
                connection,
                ENSURE_VENUES,
                array(connection, "text", ids),
                array(connection, "text", names)),
        rs -> {
          StoredVenue venue = venue(rs);
          venues.put(venue.ticketmasterId(), venue);
        });
    if (venues.size() < ids.length) {
      // Inserted by another transaction after this statement's snapshot: read them now.
      List<String> missing = new ArrayList<>(namesById.keySet());
      missing.removeAll(venues.keySet());
      jdbc.query(
          VENUES,
          rs -> {
            StoredVenue venue = venue(rs);
            venues.put(venue.ticketmasterId(), venue);
          },
          (Object) missing.toArray(String[]::new));
    }
    return venues;
  }

  /** Upserts the shows; returns the ids of those created or changed, by Ticketmaster id. */
  Map<String, UUID> upsertShows(List<ShowRow> rows) {
    Map<String, UUID> written = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return written;
    }
    int n = rows.size();
    String[] ids = new String[n];
    UUID[] artistIds = new UUID[n];
    String[] venueTicketmasterIds = new String[n];
    UUID[] venueIds = new UUID[n];
    String[] names = new String[n];
    // ISO-8601 text, which PostgreSQL reads the same whatever the session's time zone.
    String[] startsAt = new String[n];
    String[] localDates = new String[n];
    String[] statuses = new String[n];
    String[] urls = new String[n];
    String[] imageUrls = new String[n];
    String[] queuedAt = new String[n];
    for (int i = 0; i < n; i++) {
      ShowRow row = rows.get(i);
      ids[i] = row.ticketmasterId();
      artistIds[i] = row.artistId();
      venueTicketmasterIds[i] = row.venueTicketmasterId();
      venueIds[i] = row.venueId();
      names[i] = row.name();
      startsAt[i] = row.startsAt() == null ? null : row.startsAt().toString();
      localDates[i] = row.localDate() == null ? null : row.localDate().toString();
      statuses[i] = row.status();
      urls[i] = row.url();
      imageUrls[i] = row.imageUrl();
      queuedAt[i] = row.queuedAt() == null ? null : row.queuedAt().toString();
    }
    jdbc.query(
        connection ->
            statement(
                connection,
                UPSERT_SHOWS,
                array(connection, "text", ids),
                array(connection, "uuid", artistIds),
                array(connection, "text", venueTicketmasterIds),
                array(connection, "uuid", venueIds),
                array(connection, "text", names),
                array(connection, "timestamptz", startsAt),
                array(connection, "date", localDates),
                array(connection, "text", statuses),
                array(connection, "text", urls),
                array(connection, "text", imageUrls),
                array(connection, "timestamptz", queuedAt)),
        rs -> {
          written.put(rs.getString("ticketmaster_id"), rs.getObject("id", UUID.class));
        });
    return written;
  }

  private static StoredVenue venue(ResultSet rs) throws SQLException {
    return new StoredVenue(
        rs.getObject("id", UUID.class),
        rs.getString("ticketmaster_id"),
        rs.getString("timezone"),
        rs.getBoolean("created"),
        rs.getTimestamp("last_sync") != null,
        "failed".equals(rs.getString("sync_status")));
  }
}
