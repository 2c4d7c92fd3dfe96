package io.setsync.upstream.spotify;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Maps Spotify's JSON objects onto the client's records, tolerating absent fields. */
final class SpotifyJson {

  private SpotifyJson() {}

  static SpotifyArtist artist(JsonNode node) {
    List<String> genres = new ArrayList<>();
    node.path("genres").forEach(genre -> genres.add(genre.asString()));
    JsonNode popularity = node.get("popularity");
    JsonNode followers = node.path("followers").get("total");
    return new SpotifyArtist(
        text(node, "id"),
        text(node, "name"),
        genres,
        popularity == null || popularity.isNull() ? null : popularity.asInt(),
        followers == null || followers.isNull() ? null : followers.asLong(),
        firstImage(node),
        text(node.path("external_urls"), "spotify"));
  }

  static SpotifyAlbum album(JsonNode node) {
    return new SpotifyAlbum(
        text(node, "id"),
        text(node, "name"),
        text(node, "album_type"),
        text(node, "release_date"),
        node.path("total_tracks").asInt(0),
        firstImage(node));
  }

  /** A full or simplified track; a simplified one has no album and no popularity. */
  static SpotifyTrack track(JsonNode node) {
    JsonNode album = node.path("album");
    JsonNode popularity = node.get("popularity");
    return new SpotifyTrack(
        text(node, "id"),
        text(node, "name"),
        text(album, "id"),
        text(album, "name"),
        node.path("duration_ms").asInt(0),
        popularity == null || popularity.isNull() ? null : popularity.asInt(),
        node.path("track_number").asInt(0),
        text(node.path("external_urls"), "spotify"));
  }

  private static String firstImage(JsonNode node) {
    JsonNode images = node.path("images");
    return images.isArray() && !images.isEmpty() ? text(images.get(0), "url") : null;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
