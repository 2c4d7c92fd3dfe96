package io.setsync.upstream.spotify;

import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.http.Credentials;
import io.setsync.upstream.http.UpstreamHttp;
import io.setsync.upstream.http.UpstreamResponse;
import io.setsync.upstream.http.UpstreamUri;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spotify Web API with client-credentials auth. Works for apps in Extended Quota mode and in
 * Development Mode: the first 403 on several-artists or top-tracks switches to single-artist calls
 * and album tracks, and {@link ArtistTracks#source()} says which source the songs came from.
 *
 * <p>Every method throws {@link UpstreamException} on failure, after the configured retries.
 */
public final class SpotifyClient {

  static final String SEVERAL_ARTISTS = "several-artists";
  static final String TOP_TRACKS = "top-tracks";
  private static final int MAX_IDS = 50;
  private static final int PAGE_LIMIT = 50;
  private static final int SEARCH_LIMIT = 10;
  private static final int MAX_PAGES = 100;

  private final SpotifySettings settings;
  private final UpstreamHttp http;
  private final RemovedEndpoints removed;
  private final JsonMapper mapper = JsonMapper.builder().build();

  public SpotifyClient(SpotifySettings settings, MeterRegistry registry) {
    this.settings = settings;
    Clock clock = Clock.systemUTC();
    UpstreamHttp accounts =
        new UpstreamHttp(
            "spotify-accounts",
            settings.connectTimeout(),
            settings.readTimeout(),
            settings.retry(),
            settings.rateLimit(),
            1,
            Credentials.NONE,
            registry);
    this.http =
        new UpstreamHttp(
            "spotify",
            settings.connectTimeout(),
            settings.readTimeout(),
            settings.retry(),
            settings.rateLimit(),
            settings.etagCacheSize(),
            new SpotifyTokens(accounts, settings, clock, mapper),
            registry);
    this.removed = new RemovedEndpoints(settings.removedEndpointRecheck(), clock);
  }

  /** {@code GET /v1/artists/{id}}. */
  public SpotifyArtist artist(String id) {
    return SpotifyJson.artist(read(http.getConditional("artist", artistUri(id))));
  }

  /** Like {@link #artist} but empty when Spotify answers 304: unchanged since the last call. */
  public Optional<SpotifyArtist> artistIfChanged(String id) {
    UpstreamResponse response = http.getConditional("artist", artistUri(id));
    return response.notModified()
        ? Optional.empty()
        : Optional.of(SpotifyJson.artist(read(response)));
  }

  /**
   * Several artists in as few calls as the app's mode allows: 50 per call, or one by one in
   * Development Mode. Unknown ids are left out; the order of {@code ids} is kept.
   */
  public List<SpotifyArtist> artists(List<String> ids) {
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    unique.forEach(id -> SpotifyIds.require(id, SEVERAL_ARTISTS));
    Map<String, SpotifyArtist> found = new LinkedHashMap<>();
    if (!removed.isRemoved(SEVERAL_ARTISTS)) {
      try {
        for (int from = 0; from < unique.size(); from += MAX_IDS) {
          List<String> chunk = unique.subList(from, Math.min(unique.size(), from + MAX_IDS));
          URI uri =
              UpstreamUri.of(settings.apiUrl())
                  .path("/v1/artists")
                  .param("ids", String.join(",", chunk))
                  .build();
          for (JsonNode artist : read(http.get(SEVERAL_ARTISTS, uri)).path("artists")) {
            if (!artist.isNull()) {
              SpotifyArtist parsed = SpotifyJson.artist(artist);
              found.put(parsed.id(), parsed);
            }
          }
        }
        return inOrder(unique, found);
      } catch (UpstreamException e) {
        if (e.httpStatus() != 403) {
          throw e;
        }
        removed.markRemoved(SEVERAL_ARTISTS);
      }
    }
    for (String id : unique) {
      if (!found.containsKey(id)) {
        try {
          found.put(id, artist(id));
        } catch (UpstreamException e) {
          if (e.code() != UpstreamErrorCode.NOT_FOUND) {
            throw e;
          }
        }
      }
    }
    return inOrder(unique, found);
  }

  /** The artist's top tracks in the configured market; see {@link #topTracks(String, String)}. */
  public ArtistTracks topTracks(String artistId) {
    return topTracks(artistId, settings.market());
  }

  /**
   * The artist's top tracks ({@link SongSource#TOP_TRACKS}); where Spotify refuses them
   * (Development Mode), every distinct song of the artist's albums and singles, newest first
   * ({@link SongSource#ALBUMS}).
   */
  public ArtistTracks topTracks(String artistId, String market) {
    SpotifyIds.require(artistId, TOP_TRACKS);
    if (!removed.isRemoved(TOP_TRACKS)) {
      try {
        URI uri =
            UpstreamUri.of(settings.apiUrl())
                .path("/v1/artists")
                .segment(artistId)
                .path("/top-tracks")
                .param("market", market)
                .build();
        List<SpotifyTrack> tracks = new ArrayList<>();
        read(http.get(TOP_TRACKS, uri))
            .path("tracks")
            .forEach(track -> tracks.add(SpotifyJson.track(track)));
        return new ArtistTracks(artistId, tracks, SongSource.TOP_TRACKS);
      } catch (UpstreamException e) {
        if (e.httpStatus() != 403) {
          throw e;
        }
        removed.markRemoved(TOP_TRACKS);
      }
    }
    return new ArtistTracks(artistId, songsOfAlbums(artistId, market), SongSource.ALBUMS);
  }

  /** The artist's albums and singles, newest first, all pages. */
  public List<SpotifyAlbum> albums(String artistId) {
    return albums(artistId, settings.market());
  }

  public List<SpotifyAlbum> albums(String artistId, String market) {
    SpotifyIds.require(artistId, "artist-albums");
    return pages(
        "artist-albums",
        offset ->
            UpstreamUri.of(settings.apiUrl())
                .path("/v1/artists")
                .segment(artistId)
                .path("/albums")
                .param("include_groups", "album,single")
                .param("market", market)
                .param("limit", PAGE_LIMIT)
                .param("offset", offset)
                .build(),
        SpotifyJson::album);
  }

  /** An album's tracks, all pages; they carry the album id but no name or popularity. */
  public List<SpotifyTrack> albumTracks(String albumId) {
    return albumTracks(albumId, settings.market());
  }

  public List<SpotifyTrack> albumTracks(String albumId, String market) {
    SpotifyIds.require(albumId, "album-tracks");
    return pages(
        "album-tracks",
        offset ->
            UpstreamUri.of(settings.apiUrl())
                .path("/v1/albums")
                .segment(albumId)
                .path("/tracks")
                .param("market", market)
                .param("limit", PAGE_LIMIT)
                .param("offset", offset)
                .build(),
        node -> {
          SpotifyTrack track = SpotifyJson.track(node);
          return new SpotifyTrack(
              track.id(),
              track.name(),
              albumId,
              track.albumName(),
              track.durationMs(),
              track.popularity(),
              track.trackNumber(),
              track.url());
        });
  }

  /** {@code GET /v1/search?type=artist}: the first ten artists Spotify finds for {@code name}. */
  public List<SpotifyArtist> searchArtists(String name) {
    URI uri =
        UpstreamUri.of(settings.apiUrl())
            .path("/v1/search")
            .param("q", name)
            .param("type", "artist")
            .param("limit", SEARCH_LIMIT)
            .build();
    List<SpotifyArtist> artists = new ArrayList<>();
    read(http.get("search", uri))
        .path("artists")
        .path("items")
        .forEach(artist -> artists.add(SpotifyJson.artist(artist)));
    return artists;
  }

  /** The artist named exactly {@code name} (ignoring case), for matching a Ticketmaster act. */
  public Optional<SpotifyArtist> findArtistByName(String name) {
    String wanted = normalize(name);
    return searchArtists(name).stream().filter(a -> normalize(a.name()).equals(wanted)).findFirst();
  }

  /** Endpoints Spotify currently refuses this app, such as "top-tracks" in Development Mode. */
  public Set<String> removedEndpoints() {
    return removed.current();
  }

  private List<SpotifyTrack> songsOfAlbums(String artistId, String market) {
    Map<String, SpotifyTrack> songs = new LinkedHashMap<>();
    for (SpotifyAlbum album : albums(artistId, market)) {
      for (SpotifyTrack track : albumTracks(album.id(), market)) {
        songs.putIfAbsent(normalize(track.name()), track.onAlbum(album));
      }
    }
    return List.copyOf(songs.values());
  }

  private <T> List<T> pages(
      String endpoint, Function<Integer, URI> page, Function<JsonNode, T> parse) {
    List<T> items = new ArrayList<>();
    int offset = 0;
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      JsonNode body = read(http.get(endpoint, page.apply(offset)));
      JsonNode pageItems = body.path("items");
      pageItems.forEach(item -> items.add(parse.apply(item)));
      offset += pageItems.size();
      if (pageItems.isEmpty() || offset >= body.path("total").asInt(0)) {
        break;
      }
    }
    return items;
  }

  private URI artistUri(String id) {
    SpotifyIds.require(id, "artist");
    return UpstreamUri.of(settings.apiUrl()).path("/v1/artists").segment(id).build();
  }

  private JsonNode read(UpstreamResponse response) {
    try {
      return mapper.readTree(response.body());
    } catch (JacksonException e) {
      throw UpstreamException.notJson("spotify", response.status(), e);
    }
  }

  private static List<SpotifyArtist> inOrder(List<String> ids, Map<String, SpotifyArtist> found) {
    return ids.stream().map(found::get).filter(a -> a != null).toList();
  }

  private static String normalize(String name) {
    return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "SpotifyClient[" + settings.apiUrl() + "]";
  }
}
