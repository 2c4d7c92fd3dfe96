package io.setsync.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/** Spotify Web API and the accounts service's client-credentials token endpoint. */
final class SpotifyApi implements SimulatedApi {

  private static final int MAX_IDS = 50;
  private static final Set<String> SEARCH_TYPES =
      Set.of("album", "artist", "playlist", "track", "show", "episode", "audiobook");

  private final Catalog catalog;
  private final SpotifyDocuments documents;
  private final Tokens tokens;
  private final Supplier<SpotifyMode> mode;
  private final SimulatorOptions options;

  SpotifyApi(
      Catalog catalog,
      SpotifyDocuments documents,
      Tokens tokens,
      Supplier<SpotifyMode> mode,
      SimulatorOptions options) {
    this.catalog = catalog;
    this.documents = documents;
    this.tokens = tokens;
    this.mode = mode;
    this.options = options;
  }

  @Override
  public String endpoint(String path) {
    String[] s = path.substring(1).split("/");
    if (s.length == 2 && s[1].equals("artists")) {
      return "several-artists";
    }
    if (s.length == 3 && s[1].equals("artists")) {
      return "artist";
    }
    if (s.length == 4 && s[1].equals("artists") && s[3].equals("top-tracks")) {
      return "top-tracks";
    }
    if (s.length == 4 && s[1].equals("artists") && s[3].equals("albums")) {
      return "artist-albums";
    }
    if (s.length == 4 && s[1].equals("albums") && s[3].equals("tracks")) {
      return "album-tracks";
    }
    if (s.length == 2 && s[1].equals("search")) {
      return "search";
    }
    return "unknown";
  }

  /** {@code POST /api/token}: client credentials in Basic auth, form body. */
  Response token(Request request) {
    String[] credentials = basicCredentials(request.header("Authorization"));
    Map<String, String> form =
        Request.parseQuery(new String(request.body(), StandardCharsets.UTF_8));
    if (credentials == null && form.containsKey("client_id")) {
      credentials = new String[] {form.get("client_id"), form.getOrDefault("client_secret", "")};
    }
    if (credentials == null || credentials[0].isBlank() || credentials[1].isBlank()) {
      return oauthError(400, "invalid_client", "Invalid client");
    }
    if (options.spotifyClientId() != null && !options.spotifyClientId().equals(credentials[0])) {
      return oauthError(400, "invalid_client", "Invalid client");
    }
    if (options.spotifyClientSecret() != null
        && !options.spotifyClientSecret().equals(credentials[1])) {
      return oauthError(400, "invalid_client", "Invalid client secret");
    }
    String grant = form.get("grant_type");
    if (grant == null) {
      return oauthError(400, "unsupported_grant_type", "grant_type parameter is missing");
    }
    if (!grant.equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    ObjectNode body = Json.object();
    body.put("access_token", tokens.issue());
    body.put("token_type", "Bearer");
    body.put("expires_in", tokens.lifetimeSeconds());
    return Response.json(200, Json.bytes(body));
  }

  @Override
  public Response authenticate(Request request) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return unauthorized("No token provided");
    }
    return switch (tokens.check(authorization.substring("Bearer ".length()).trim())) {
      case VALID -> null;
      case EXPIRED -> unauthorized("The access token expired");
      case INVALID -> unauthorized("Invalid access token");
    };
  }

  @Override
  public Response handle(Request request, String endpoint) {
    try {
      String[] s = request.path().substring(1).split("/");
      boolean development = mode.get() == SpotifyMode.DEVELOPMENT;
      return switch (endpoint) {
        case "artist" -> artist(s[2], development);
        case "several-artists" -> severalArtists(request, development);
        case "top-tracks" -> topTracks(request, s[2], development);
        case "artist-albums" -> artistAlbums(request, s[2]);
        case "album-tracks" -> albumTracks(request, s[2]);
        case "search" -> search(request, development);
        default -> error(404, "Service not found");
      };
    } catch (Rejection rejection) {
      return rejection.response();
    }
  }

  @Override
  public Response rateLimited(long retryAfterSeconds) {
    return error(429, "API rate limit exceeded")
        .header("Retry-After", Long.toString(retryAfterSeconds));
  }

  @Override
  public Response injectedError(Request request, int status) {
    return error(status, status >= 500 ? "Service unavailable" : "Injected error");
  }

  @Override
  public Response methodNotAllowed() {
    return error(405, "Method not allowed");
  }

  private Response artist(String id, boolean development) {
    int key = artistKey(id);
    return Response.json(200, documents.artist(catalog.artist(key), id, development));
  }

  private Response severalArtists(Request request, boolean development) {
    if (development) {
      return error(403, "Forbidden");
    }
    String ids = request.param("ids");
    if (ids == null || ids.isBlank()) {
      return error(400, "invalid request");
    }
    String[] list = ids.split(",");
    if (list.length > MAX_IDS) {
      return error(400, "too many ids requested");
    }
    List<byte[]> artists = new ArrayList<>(list.length);
    for (String id : list) {
      int key = artistKey(id.trim());
      artists.add(documents.artist(catalog.artist(key), id.trim(), false));
    }
    return Response.json(200, Json.splice("{\"artists\":[", artists, "]}"));
  }

  private Response topTracks(Request request, String id, boolean development) {
    if (development) {
      return error(403, "Forbidden");
    }
    market(request);
    Discography discography = catalog.discography(artistKey(id));
    List<byte[]> tracks = new ArrayList<>(discography.topTracks().size());
    for (Track track : discography.topTracks()) {
      Album album = discography.albums().get(track.albumIndex());
      tracks.add(documents.track(track, album, discography.artist(), development));
    }
    return Response.json(200, Json.splice("{\"tracks\":[", tracks, "]}"));
  }

  private Response artistAlbums(Request request, String id) {
    market(request);
    Discography discography = catalog.discography(artistKey(id));
    String groupsParam = request.param("include_groups");
    Set<String> groups =
        groupsParam == null || groupsParam.isBlank()
            ? Set.of("album", "single", "appears_on", "compilation")
            : new java.util.HashSet<>(List.of(groupsParam.split(",")));
    List<byte[]> items = new ArrayList<>();
    for (Album album : discography.albums()) {
      if (groups.contains(album.type())) {
        items.add(documents.albumOfArtist(album, discography.artist()));
      }
    }
    int limit = intParam(request, "limit", 20, 1, 50);
    int offset = intParam(request, "offset", 0, 0, 100_000);
    String suffix = groupsParam == null ? "" : "&include_groups=" + groupsParam;
    return page(
        items,
        offset,
        limit,
        o ->
            documents.apiBase()
                + "/artists/"
                + id
                + "/albums?offset="
                + o
                + "&limit="
                + limit
                + suffix);
  }

  private Response albumTracks(Request request, String id) {
    market(request);
    Album album = catalog.album(id);
    if (album == null) {
      return error(400, "invalid id");
    }
    ArtistProfile artist = catalog.artist(album.artistKey());
    List<byte[]> items = new ArrayList<>();
    for (Track track : album.tracks()) {
      items.add(documents.simplifiedTrack(track, artist));
    }
    int limit = intParam(request, "limit", 20, 1, 50);
    int offset = intParam(request, "offset", 0, 0, 100_000);
    return page(
        items,
        offset,
        limit,
        o -> documents.apiBase() + "/albums/" + id + "/tracks?offset=" + o + "&limit=" + limit);
  }

  private Response search(Request request, boolean development) {
    String q = request.param("q");
    if (q == null || q.isBlank()) {
      return error(400, "No search query");
    }
    String typeParam = request.param("type");
    if (typeParam == null || typeParam.isBlank()) {
      return error(400, "Missing parameter type");
    }
    Set<String> types = new LinkedHashSet<>(List.of(typeParam.split(",")));
    for (String type : types) {
      if (!SEARCH_TYPES.contains(type)) {
        return error(400, "Bad search type field " + type);
      }
    }
    int limit = intParam(request, "limit", development ? 5 : 20, 1, development ? 10 : 50);
    int offset = intParam(request, "offset", 0, 0, 1000);
    String query = q.replaceAll("(?i)\\bartist:", "").replace("\"", "");
    List<byte[]> artists = new ArrayList<>();
    for (int key : catalog.searchByName(query)) {
      ArtistProfile artist = catalog.artist(key);
      artists.add(documents.artist(artist, artist.spotifyId(), development));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String separator = "{";
    for (String type : types) {
      List<byte[]> items = type.equals("artist") ? artists : List.of();
      String base =
          documents.apiBase() + "/search?query=" + encode(q) + "&type=" + type + "&offset=";
      body.writeBytes((separator + Json.quote(type + "s") + ":").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(paging(items, offset, limit, o -> base + o + "&limit=" + limit));
      separator = ",";
    }
    body.write('}');
    return Response.json(200, body.toByteArray());
  }

  private static Response page(
      List<byte[]> items, int offset, int limit, IntFunction<String> href) {
    return Response.json(200, paging(items, offset, limit, href));
  }

  /** Spotify's paging object around already rendered items. */
  private static byte[] paging(
      List<byte[]> items, int offset, int limit, IntFunction<String> href) {
    int end = Math.min(items.size(), offset + limit);
    ObjectNode after = Json.object();
    after.put("limit", limit);
    if (end < items.size()) {
      after.put("next", href.apply(end));
    } else {
      after.putNull("next");
    }
    after.put("offset", offset);
    if (offset > 0) {
      after.put("previous", href.apply(Math.max(0, offset - limit)));
    } else {
      after.putNull("previous");
    }
    after.put("total", items.size());
    List<byte[]> page = offset >= end ? List.of() : items.subList(offset, end);
    return Json.splice(
        "{\"href\":" + Json.quote(href.apply(offset)) + ",\"items\":[",
        page,
        "]," + Json.members(after) + "}");
  }

  private int artistKey(String id) {
    int key = catalog.spotifyArtistKey(id);
    if (key < 0) {
      throw new Rejection(error(400, "invalid id"));
    }
    return key;
  }

  private static void market(Request request) {
    String market = request.param("market");
    if (market != null && !market.matches("[A-Z]{2}|from_token")) {
      throw new Rejection(error(400, "Invalid market code"));
    }
  }

  private static int intParam(Request request, String name, int fallback, int min, int max) {
    String value = request.param(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below, as Spotify does
    }
    throw new Rejection(error(400, "Invalid " + name));
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring("Basic ".length()).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Response unauthorized(String message) {
    return error(401, message)
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"spotify\", error=\"invalid_token\", error_description=\""
                + message
                + "\"");
  }

  static Response error(int status, String message) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("status", status);
    error.put("message", message);
    return Response.json(status, Json.bytes(body));
  }

  private static Response oauthError(int status, String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", description);
    return Response.json(status, Json.bytes(body));
  }
}
