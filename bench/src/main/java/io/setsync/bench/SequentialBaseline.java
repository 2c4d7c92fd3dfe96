package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The design Setsync replaces, implemented faithfully for comparison: one call syncs one artist
 * sequentially — Ticketmaster event pages, each venue and show upserted one at a time (autocommit),
 * then the Spotify artist and top tracks, each song upserted one at a time. No batching, no
 * concurrency, no retries, as in the old serverless function.
 */
final class SequentialBaseline implements AutoCloseable {

  record Result(int artists, double seconds, long entitySyncs, double entitySyncsPerSecond) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ObjectMapper json = new ObjectMapper();
  private final String upstreamUrl;
  private final Connection db;
  private String token;

  SequentialBaseline(String upstreamUrl, String jdbcUrl) throws SQLException {
    this.upstreamUrl = upstreamUrl;
    this.db = DriverManager.getConnection(jdbcUrl, "setsync", "setsync");
    this.db.setAutoCommit(true);
  }

  /**
   * Counts entities as Setsync's jobs do, each once: the artists, their shows and the distinct
   * venues. The old design still upserts a venue for every show, and that time counts.
   */
  Result run(List<CatalogArtist> artists) throws IOException, InterruptedException, SQLException {
    long start = System.nanoTime();
    Set<String> venues = new HashSet<>();
    long entities = 0;
    for (CatalogArtist artist : artists) {
      entities += syncArtist(artist.spotifyId(), artist.ticketmasterId(), venues);
    }
    entities += venues.size();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(artists.size(), seconds, entities, entities / seconds);
  }

  /** Returns the artist and shows synced; adds the Ticketmaster ids of their venues to venues. */
  private long syncArtist(String spotifyId, String attractionId, Set<String> venues)
      throws IOException, InterruptedException, SQLException {
    JsonNode artist = get("/v1/artists/" + spotifyId, true);
    UUID artistId = upsertArtist(spotifyId, attractionId, artist);
    long entities = 1;
    if (attractionId != null) {
      int page = 0;
      int totalPages = 1;
      while (page < totalPages && page * 200 < 1000) {
        JsonNode events =
            get(
                "/discovery/v2/events.json?size=200&page="
                    + page
                    + "&attractionId="
                    + attractionId
                    + "&apikey=baseline",
                false);
        totalPages = events.path("page").path("totalPages").asInt(0);
        for (JsonNode event : events.path("_embedded").path("events")) {
          JsonNode venue = event.path("_embedded").path("venues").path(0);
          UUID venueId = venue.isMissingNode() ? null : upsertVenue(venue);
          upsertShow(event, artistId, venueId, venue.path("id").asString(null));
          entities++;
          if (venueId != null) {
            venues.add(venue.path("id").asString());
          }
        }
        page++;
      }
    }
    JsonNode tracks = get("/v1/artists/" + spotifyId + "/top-tracks?market=US", true);
    for (JsonNode track : tracks.path("tracks")) {
      upsertSong(track, artistId);
    }
    return entities;
  }

  private UUID upsertArtist(String spotifyId, String ticketmasterId, JsonNode artist)
      throws SQLException {
    String sql =
        """
        INSERT INTO artists (spotify_id, ticketmaster_id, name, popularity, followers, url)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (spotify_id) DO UPDATE SET ticketmaster_id = EXCLUDED.ticketmaster_id,
          name = EXCLUDED.name, popularity = EXCLUDED.popularity,
          followers = EXCLUDED.followers, url = EXCLUDED.url, updated_at = now()
        RETURNING id
        """;
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, spotifyId);
      statement.setString(2, ticketmasterId);
      statement.setString(3, artist.path("name").asString());
      statement.setObject(4, artist.has("popularity") ? artist.path("popularity").asInt() : null);
      statement.setObject(
          5, artist.has("followers") ? artist.path("followers").path("total").asLong() : null);
      statement.setString(6, artist.path("external_urls").path("spotify").asString(null));
      return returnedId(statement);
    }
  }

  private UUID upsertVenue(JsonNode venue) throws SQLException {
    String sql =
        """
        INSERT INTO venues (ticketmaster_id, name, city, country, timezone, url)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (ticketmaster_id) DO UPDATE SET name = EXCLUDED.name, city = EXCLUDED.city,
          country = EXCLUDED.country, timezone = EXCLUDED.timezone, url = EXCLUDED.url,
          updated_at = now()
        RETURNING id
        """;
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, venue.path("id").asString());
      statement.setString(2, venue.path("name").asString(null));
      statement.setString(3, venue.path("city").path("name").asString(null));
      statement.setString(4, venue.path("country").path("countryCode").asString(null));
      statement.setString(5, venue.path("timezone").asString(null));
      statement.setString(6, venue.path("url").asString(null));
      return returnedId(statement);
    }
  }

  private void upsertShow(JsonNode event, UUID artistId, UUID venueId, String venueTicketmasterId)
      throws SQLException {
    String sql =
        """
        INSERT INTO shows (ticketmaster_id, artist_id, venue_id, venue_ticketmaster_id, name,
          starts_at, status, url)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (ticketmaster_id) DO UPDATE SET artist_id = EXCLUDED.artist_id,
          venue_id = EXCLUDED.venue_id, name = EXCLUDED.name, starts_at = EXCLUDED.starts_at,
          status = EXCLUDED.status, url = EXCLUDED.url, updated_at = now()
        """;
    String startsAt = event.path("dates").path("start").path("dateTime").asString(null);
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, event.path("id").asString());
      statement.setObject(2, artistId);
      statement.setObject(3, venueId);
      statement.setString(4, venueTicketmasterId);
      statement.setString(5, event.path("name").asString(null));
      statement.setObject(6, startsAt == null ? null : OffsetDateTime.parse(startsAt));
      statement.setString(7, event.path("dates").path("status").path("code").asString(null));
      statement.setString(8, event.path("url").asString(null));
      statement.executeUpdate();
    }
  }

  private void upsertSong(JsonNode track, UUID artistId) throws SQLException {
    String sql =
        """
        INSERT INTO songs (spotify_id, artist_id, name, album, duration_ms, popularity)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (spotify_id) DO UPDATE SET name = EXCLUDED.name, album = EXCLUDED.album,
          duration_ms = EXCLUDED.duration_ms, popularity = EXCLUDED.popularity, updated_at = now()
        """;
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, track.path("id").asString());
      statement.setObject(2, artistId);
      statement.setString(3, track.path("name").asString());
      statement.setString(4, track.path("album").path("name").asString(null));
      statement.setObject(5, track.path("duration_ms").asInt());
      statement.setObject(6, track.has("popularity") ? track.path("popularity").asInt() : null);
      statement.executeUpdate();
    }
  }

  private static UUID returnedId(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getObject(1, UUID.class);
    }
  }

  private JsonNode get(String path, boolean spotify) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(upstreamUrl + path)).timeout(Duration.ofSeconds(30));
    if (spotify) {
      request.header("Authorization", "Bearer " + token());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return json.readTree(response.body());
  }

  private String token() throws IOException, InterruptedException {
    if (token == null) {
      String basic =
          Base64.getEncoder()
              .encodeToString("baseline-client:baseline-secret".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(upstreamUrl + "/api/token"))
                  .header("Authorization", "Basic " + basic)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      token = json.readTree(response.body()).path("access_token").asString();
    }
    return token;
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
