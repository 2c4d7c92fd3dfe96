package io.setsync.worker.artist.sync;

import io.setsync.upstream.spotify.SongSource;
import io.setsync.upstream.spotify.SpotifyArtist;
import io.setsync.upstream.spotify.SpotifyTrack;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code artists} and {@code songs}: identity look-ups, and batched upserts that say what changed.
 */
class ArtistStore {

  private static final String FIND =
      """
      SELECT id, spotify_id, ticketmaster_id, name
      FROM artists
      WHERE id = ANY (?)
      """;

  private static final String OWNERS =
      """
      SELECT id, spotify_id, ticketmaster_id
      FROM artists
      WHERE spotify_id = ANY (?) OR ticketmaster_id = ANY (?)
      """;

  // Development Mode leaves out popularity, followers and genres: keep what an earlier sync stored
  // rather than erase it. Only rows that differ are written and returned. Rows are taken in
  // Ticketmaster id order, as the show worker inserts its artist placeholders (ShowStore).
  private static final String UPSERT_ARTISTS =
      """
      INSERT INTO artists (id, spotify_id, ticketmaster_id, name, genres, popularity, followers,
                           image_url, url, songs_source)
      SELECT t.id, t.spotify_id, t.ticketmaster_id, t.name,
             ARRAY(SELECT jsonb_array_elements_text(t.genres::jsonb)),
             t.popularity, t.followers, t.image_url, t.url, t.songs_source
      FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::bigint[],
                  ?::text[], ?::text[], ?::text[])
           AS t(id, spotify_id, ticketmaster_id, name, genres, popularity, followers, image_url, url,
                songs_source)
      ORDER BY t.ticketmaster_id, t.id
      ON CONFLICT (id) DO UPDATE SET
          spotify_id = COALESCE(EXCLUDED.spotify_id, artists.spotify_id),
          ticketmaster_id = COALESCE(EXCLUDED.ticketmaster_id, artists.ticketmaster_id),
          name = COALESCE(EXCLUDED.name, artists.name),
          genres = CASE WHEN cardinality(EXCLUDED.genres) = 0 THEN artists.genres
                        ELSE EXCLUDED.genres END,
          popularity = COALESCE(EXCLUDED.popularity, artists.popularity),
          followers = COALESCE(EXCLUDED.followers, artists.followers),
          image_url = COALESCE(EXCLUDED.image_url, artists.image_url),
          url = COALESCE(EXCLUDED.url, artists.url),
          songs_source = COALESCE(EXCLUDED.songs_source, artists.songs_source),
          updated_at = now()
      WHERE (artists.spotify_id, artists.ticketmaster_id, artists.name, artists.image_url,
             artists.url, artists.songs_source)
            IS DISTINCT FROM
            (COALESCE(EXCLUDED.spotify_id, artists.spotify_id),
             COALESCE(EXCLUDED.ticketmaster_id, artists.ticketmaster_id),
             COALESCE(EXCLUDED.name, artists.name), COALESCE(EXCLUDED.image_url, artists.image_url),
             COALESCE(EXCLUDED.url, artists.url),
             COALESCE(EXCLUDED.songs_source, artists.songs_source))
         OR (cardinality(EXCLUDED.genres) > 0 AND artists.genres IS DISTINCT FROM EXCLUDED.genres)
         OR (EXCLUDED.popularity IS NOT NULL
             AND artists.popularity IS DISTINCT FROM EXCLUDED.popularity)
         OR (EXCLUDED.followers IS NOT NULL
             AND artists.followers IS DISTINCT FROM EXCLUDED.followers)
      RETURNING id
      """;

  // A song already stored keeps its artist (a feature on another artist's top tracks must not move
  // it back and forth), and its popularity when the fallback source has none. Rows are taken in
  // Spotify id order: the two consumer threads may write the same song (a feature).
  private static final String UPSERT_SONGS =
      """
      INSERT INTO songs (spotify_id, artist_id, name, album, duration_ms, popularity)
      SELECT * FROM unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::integer[], ?::integer[])
          AS u(spotify_id, artist_id, name, album, duration_ms, popularity)
      ORDER BY spotify_id
      ON CONFLICT (spotify_id) DO UPDATE SET
          name = EXCLUDED.name,
          album = COALESCE(EXCLUDED.album, songs.album),
          duration_ms = EXCLUDED.duration_ms,
          popularity = COALESCE(EXCLUDED.popularity, songs.popularity),
          updated_at = now()
      WHERE (songs.name, songs.album, songs.duration_ms) IS DISTINCT FROM
            (EXCLUDED.name, COALESCE(EXCLUDED.album, songs.album), EXCLUDED.duration_ms)
         OR (EXCLUDED.popularity IS NOT NULL
             AND songs.popularity IS DISTINCT FROM EXCLUDED.popularity)
      RETURNING artist_id
      """;

  /** One artist to write. */
  record ArtistRow(
      UUID id, String ticketmasterId, String name, SpotifyArtist spotify, SongSource songSource) {}

  /** One song to write. */
  record SongRow(UUID artistId, SpotifyTrack track) {}

  /** Which artist rows hold these external ids. */
  record Owners(Map<String, UUID> bySpotifyId, Map<String, UUID> byTicketmasterId) {}

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  ArtistStore(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Map<UUID, StoredArtist> find(Collection<UUID> ids) {
    Map<UUID, StoredArtist> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.query(
        FIND,
        rs -> {
          UUID id = rs.getObject("id", UUID.class);
          found.put(
              id,
              new StoredArtist(
                  id,
                  rs.getString("spotify_id"),
                  rs.getString("ticketmaster_id"),
                  rs.getString("name")));
        },
        (Object) ids.toArray(UUID[]::new));
    return found;
  }

  Owners owners(Collection<String> spotifyIds, Collection<String> ticketmasterIds) {
    Map<String, UUID> bySpotifyId = new HashMap<>();
    Map<String, UUID> byTicketmasterId = new HashMap<>();
    if (spotifyIds.isEmpty() && ticketmasterIds.isEmpty()) {
      return new Owners(bySpotifyId, byTicketmasterId);
    }
    jdbc.query(
        OWNERS,
        rs -> {
          UUID id = rs.getObject("id", UUID.class);
          String spotifyId = rs.getString("spotify_id");
          String ticketmasterId = rs.getString("ticketmaster_id");
          if (spotifyId != null) {
            bySpotifyId.put(spotifyId, id);
          }
          if (ticketmasterId != null) {
            byTicketmasterId.put(ticketmasterId, id);
          }
        },
        spotifyIds.toArray(String[]::new),
        ticketmasterIds.toArray(String[]::new));
    return new Owners(bySpotifyId, byTicketmasterId);
  }

  /** Upserts the artists; returns the ids of those whose row was created or changed. */
  Set<UUID> upsertArtists(List<ArtistRow> rows) {
    if (rows.isEmpty()) {
      return Set.of();
    }
    int n = rows.size();
    UUID[] ids = new UUID[n];
    String[] spotifyIds = new String[n];
    String[] ticketmasterIds = new String[n];
    String[] names = new String[n];
    String[] genres = new String[n];
    Integer[] popularity = new Integer[n];
    Long[] followers = new Long[n];
    String[] imageUrls = new String[n];
    String[] urls = new String[n];
    String[] sources = new String[n];
    for (int i = 0; i < n; i++) {
      ArtistRow row = rows.get(i);
      SpotifyArtist spotify = row.spotify();
      ids[i] = row.id();
      ticketmasterIds[i] = row.ticketmasterId();
      names[i] = row.name();
      sources[i] =
          row.songSource() == null ? null : row.songSource().name().toLowerCase(Locale.ROOT);
      if (spotify != null) {
        spotifyIds[i] = spotify.id();
        genres[i] = json.writeValueAsString(spotify.genres());
        popularity[i] = spotify.popularity();
        followers[i] = spotify.followers();
        imageUrls[i] = spotify.imageUrl();
        urls[i] = spotify.url();
      } else {
        genres[i] = "[]";
      }
    }
    return new HashSet<>(
        jdbc.query(
            connection ->
                statement(
                    connection,
                    UPSERT_ARTISTS,
                    array(connection, "uuid", ids),
                    array(connection, "text", spotifyIds),
                    array(connection, "text", ticketmasterIds),
                    array(connection, "text", names),
                    array(connection, "text", genres),
                    array(connection, "integer", popularity),
                    array(connection, "bigint", followers),
                    array(connection, "text", imageUrls),
                    array(connection, "text", urls),
                    array(connection, "text", sources)),
            (rs, i) -> rs.getObject("id", UUID.class)));
  }

  /** Upserts the songs; returns per artist how many of its song rows were created or changed. */
  Map<UUID, Long> upsertSongs(List<SongRow> rows) {
    Map<UUID, Long> written = new HashMap<>();
    if (rows.isEmpty()) {
      return written;
    }
    int n = rows.size();
    String[] spotifyIds = new String[n];
    UUID[] artistIds = new UUID[n];
    String[] names = new String[n];
    String[] albums = new String[n];
    Integer[] durations = new Integer[n];
    Integer[] popularity = new Integer[n];
    for (int i = 0; i < n; i++) {
      SongRow row = rows.get(i);
      spotifyIds[i] = row.track().id();
      artistIds[i] = row.artistId();
      names[i] = row.track().name();
      albums[i] = row.track().albumName();
      durations[i] = row.track().durationMs();
      popularity[i] = row.track().popularity();
    }
    jdbc.query(
        connection ->
            statement(
                connection,
                UPSERT_SONGS,
                array(connection, "text", spotifyIds),
                array(connection, "uuid", artistIds),
                array(connection, "text", names),
                array(connection, "text", albums),
                array(connection, "integer", durations),
                array(connection, "integer", popularity)),
        rs -> {
          written.merge(rs.getObject("artist_id", UUID.class), 1L, Long::sum);
        });
    return written;
  }

  static PreparedStatement statement(Connection connection, String sql, Array... arrays)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < arrays.length; i++) {
      statement.setArray(i + 1, arrays[i]);
    }
    return statement;
  }

  static Array array(Connection connection, String type, Object[] values) throws SQLException {
    return connection.createArrayOf(type, values);
  }
}
