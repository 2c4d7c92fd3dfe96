package io.setsync.worker.show.setlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Setlist suggestions of artists from their stored songs, and the refresh of the suggestions on
 * their shows when the songs changed.
 */
public class ArtistSetlists {

  private static final String SONGS =
      """
      SELECT a.id AS artist_id, a.songs_source,
             s.id, s.spotify_id, s.name, s.album, s.duration_ms, s.popularity
      FROM artists a LEFT JOIN songs s ON s.artist_id = a.id
      WHERE a.id = ANY (?::text[]::uuid[])
      """;

  // Only shows whose suggestions came from other songs (another fingerprint) are rewritten,
  // locked in Ticketmaster id order like the show upserts, so the two cannot deadlock. A show
  // without suggestions is left to its own sync: the artist worker has just cascaded it, and
  // writing its suggestions here as well would only race that sync for the same row.
  private static final String REFRESH_SHOWS =
      """
      WITH fresh AS (
          SELECT * FROM unnest(?::text[]::uuid[], ?::text[], ?::text[])
            AS u(artist_id, suggestions, fingerprint)),
      stale AS (
          SELECT s.id, fresh.suggestions
          FROM shows s JOIN fresh ON s.artist_id = fresh.artist_id
          WHERE s.setlist_suggestions IS NOT NULL
            AND s.setlist_suggestions ->> 'songsFingerprint' IS DISTINCT FROM fresh.fingerprint
          ORDER BY s.ticketmaster_id
          FOR UPDATE OF s)
      UPDATE shows
      SET setlist_suggestions = stale.suggestions::jsonb, updated_at = now()
      FROM stale
      WHERE shows.id = stale.id
      """;

  private final JdbcTemplate jdbc;
  private final SetlistRanking ranking;
  private final JsonMapper json;

  public ArtistSetlists(JdbcTemplate jdbc, SetlistRanking ranking, JsonMapper json) {
    this.jdbc = jdbc;
    this.ranking = ranking;
    this.json = json;
  }

  /** The suggestions of each artist (an artist without songs gets an empty list). */
  public Map<UUID, SetlistSuggestions> suggestions(Collection<UUID> artistIds) {
    Map<UUID, List<Song>> songs = new HashMap<>();
    Map<UUID, String> sources = new HashMap<>();
    artistIds.forEach(id -> songs.put(id, new ArrayList<>()));
    if (!artistIds.isEmpty()) {
      jdbc.query(
          SONGS,
          rs -> {
            UUID artistId = rs.getObject("artist_id", UUID.class);
            sources.put(artistId, rs.getString("songs_source"));
            UUID songId = rs.getObject("id", UUID.class);
            if (songId != null) {
              songs
                  .get(artistId)
                  .add(
                      new Song(
                          songId,
                          rs.getString("spotify_id"),
                          rs.getString("name"),
                          rs.getString("album"),
                          rs.getObject("duration_ms", Integer.class),
                          rs.getObject("popularity", Integer.class)));
            }
          },
          (Object) artistIds.stream().map(UUID::toString).toArray(String[]::new));
    }
    Map<UUID, SetlistSuggestions> suggestions = new HashMap<>();
    songs.forEach(
        (artistId, artistSongs) ->
            suggestions.put(artistId, ranking.rank(artistSongs, sources.get(artistId))));
    return suggestions;
  }

  /** The stored form: deterministic JSON, the same text for the same suggestions. */
  public String toJson(SetlistSuggestions suggestions) {
    return json.writeValueAsString(suggestions);
  }

  /**
   * Recomputes the suggestions of every show of these artists whose suggestions were computed from
   * other songs. A show without suggestions (no sync of it completed yet) is not touched: its own
   * sync computes them. Returns the number of shows rewritten.
   */
  public int refreshShows(Collection<UUID> artistIds) {
    if (artistIds.isEmpty()) {
      return 0;
    }
    Map<UUID, SetlistSuggestions> suggestions = suggestions(artistIds);
    int n = suggestions.size();
    String[] ids = new String[n];
    String[] values = new String[n];
    String[] fingerprints = new String[n];
    int i = 0;
    for (Map.Entry<UUID, SetlistSuggestions> entry : suggestions.entrySet()) {
      ids[i] = entry.getKey().toString();
      values[i] = toJson(entry.getValue());
      fingerprints[i] = entry.getValue().songsFingerprint();
      i++;
    }
    return jdbc.update(REFRESH_SHOWS, ids, values, fingerprints);
  }
}
