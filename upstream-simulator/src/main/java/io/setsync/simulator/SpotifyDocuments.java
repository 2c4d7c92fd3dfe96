package io.setsync.simulator;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spotify Web API objects (artist, simplified album, track, simplified track) as Spotify shapes
 * them. In development mode artists lose {@code popularity}, {@code followers} and {@code genres},
 * and tracks lose {@code popularity}.
 */
final class SpotifyDocuments {

  private static final List<String> MARKETS = List.of("CA", "DE", "GB", "MX", "SE", "US");

  private final String apiBase;
  private final BoundedCache<String, byte[]> artists = new BoundedCache<>(20_000);
  private final BoundedCache<String, byte[]> albums = new BoundedCache<>(20_000);
  private final BoundedCache<String, byte[]> tracks = new BoundedCache<>(20_000);

  SpotifyDocuments(String baseUrl) {
    this.apiBase = baseUrl + "/v1";
  }

  String apiBase() {
    return apiBase;
  }

  /** The full artist object; {@code id} is the id asked for, which may not be the canonical one. */
  byte[] artist(ArtistProfile artist, String id, boolean development) {
    return artists.get(
        (development ? "d:" : "e:") + id, k -> Json.bytes(artistNode(artist, id, development)));
  }

  /** A simplified album as listed by the artist's albums, with {@code album_group}. */
  byte[] albumOfArtist(Album album, ArtistProfile artist) {
    return albums.get(
        album.id(),
        k -> {
          ObjectNode node = albumNode(album, artist);
          node.put("album_group", album.type());
          return Json.bytes(node);
        });
  }

  /** A full track object, as in top tracks. */
  byte[] track(Track track, Album album, ArtistProfile artist, boolean development) {
    return tracks.get(
        (development ? "d:" : "e:") + track.id(),
        k -> {
          ObjectNode node = object("track", track.id());
          node.set("album", albumNode(album, artist));
          node.set("artists", Json.array().add(simplifiedArtist(artist)));
          node.set("available_markets", markets());
          node.put("disc_number", 1);
          node.put("duration_ms", track.durationMs());
          node.put("explicit", track.explicit());
          node.putObject("external_ids").put("isrc", isrc(track));
          node.put("is_local", false);
          node.put("name", track.name());
          if (!development) {
            node.put("popularity", track.popularity());
          }
          node.putNull("preview_url");
          node.put("track_number", track.trackNumber());
          return Json.bytes(node);
        });
  }

  /** A simplified track object, as in an album's tracks. */
  byte[] simplifiedTrack(Track track, ArtistProfile artist) {
    return tracks.get(
        "s:" + track.id(),
        k -> {
          ObjectNode node = object("track", track.id());
          node.set("artists", Json.array().add(simplifiedArtist(artist)));
          node.set("available_markets", markets());
          node.put("disc_number", 1);
          node.put("duration_ms", track.durationMs());
          node.put("explicit", track.explicit());
          node.put("is_local", false);
          node.put("name", track.name());
          node.putNull("preview_url");
          node.put("track_number", track.trackNumber());
          return Json.bytes(node);
        });
  }

  private ObjectNode artistNode(ArtistProfile artist, String id, boolean development) {
    ObjectNode node = object("artist", id);
    if (!development) {
      ObjectNode followers = node.putObject("followers");
      followers.putNull("href");
      followers.put("total", artist.followers());
      ArrayNode genres = node.putArray("genres");
      artist.genres().forEach(genres::add);
    }
    node.set("images", images("ab6761610000e5eb", Seeds.of(artist.key(), 50)));
    node.put("name", artist.name());
    if (!development) {
      node.put("popularity", artist.popularity());
    }
    return node;
  }

  private ObjectNode simplifiedArtist(ArtistProfile artist) {
    ObjectNode node = object("artist", artist.spotifyId());
    node.put("name", artist.name());
    return node;
  }

  private ObjectNode albumNode(Album album, ArtistProfile artist) {
    ObjectNode node = Json.object();
    node.put("album_type", album.type());
    node.put("total_tracks", album.tracks().size());
    node.set("available_markets", markets());
    ObjectNode common = object("album", album.id());
    node.setAll(common);
    node.set("images", images("ab67616d0000b273", Seeds.of(artist.key(), 51, album.index())));
    node.put("name", album.name());
    node.put("release_date", album.releaseDate().toString());
    node.put("release_date_precision", "day");
    node.set("artists", Json.array().add(simplifiedArtist(artist)));
    return node;
  }

  /** external_urls, href, id, type and uri, common to every Spotify object. */
  private ObjectNode object(String type, String id) {
    ObjectNode node = Json.object();
    node.putObject("external_urls").put("spotify", "https://open.spotify.com/" + type + "/" + id);
    node.put("href", apiBase + "/" + type + "s/" + id);
    node.put("id", id);
    node.put("type", type);
    node.put("uri", "spotify:" + type + ":" + id);
    return node;
  }

  private static ArrayNode images(String prefix, long seed) {
    String hash = prefix + String.format("%016x", seed) + String.format("%08x", (int) (seed >>> 7));
    ArrayNode images = Json.array();
    for (int size : new int[] {640, 320, 160}) {
      ObjectNode image = images.addObject();
      image.put("url", "https://i.scdn.co/image/" + hash);
      image.put("height", size);
      image.put("width", size);
    }
    return images;
  }

  private static ArrayNode markets() {
    ArrayNode markets = Json.array();
    MARKETS.forEach(markets::add);
    return markets;
  }

  private static String isrc(Track track) {
    return "US"
        + Base62.encode(Long.remainderUnsigned(Seeds.hash(track.id()), 62L * 62 * 62), 3)
            .toUpperCase()
        + String.format("%07d", Long.remainderUnsigned(Seeds.hash(track.id() + "#"), 10_000_000L));
  }
}
