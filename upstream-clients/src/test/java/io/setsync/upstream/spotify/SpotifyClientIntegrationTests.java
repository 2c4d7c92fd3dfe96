package io.setsync.upstream.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.Faults;
import io.setsync.simulator.SimulatedCatalog;
import io.setsync.simulator.SpotifyMode;
import io.setsync.simulator.Upstream;
import io.setsync.simulator.UpstreamSimulator;
import io.setsync.simulator.UpstreamStats;
import io.setsync.upstream.TestUpstreams;
import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.http.RateLimitSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyClientIntegrationTests {

  private static final CatalogArtist RADIOHEAD =
      SimulatedCatalog.demoArtist("Radiohead").orElseThrow();
  private static UpstreamSimulator simulator;
  private SimpleMeterRegistry registry;
  private SpotifyClient client;

  @BeforeAll
  static void startSimulator() {
    simulator = new UpstreamSimulator().start(0);
  }

  @AfterAll
  static void stopSimulator() {
    simulator.stop();
  }

  @BeforeEach
  void freshClient() {
    simulator.reset();
    simulator.tokenLifetime(Duration.ofHours(1));
    registry = new SimpleMeterRegistry();
    client = new SpotifyClient(TestUpstreams.spotify(simulator.baseUrl()), registry);
  }

  @Test
  void readsAnArtistWithItsPopularityFollowersAndGenres() {
    SpotifyArtist artist = client.artist(RADIOHEAD.spotifyId());

    assertThat(artist.id()).isEqualTo(RADIOHEAD.spotifyId());
    assertThat(artist.name()).isEqualTo("Radiohead");
    assertThat(artist.popularity()).isNotNull();
    assertThat(artist.followers()).isPositive();
    assertThat(artist.genres()).isNotEmpty();
    assertThat(artist.imageUrl()).startsWith("https://i.scdn.co/image/");
    assertThat(artist.url()).isEqualTo("https://open.spotify.com/artist/" + RADIOHEAD.spotifyId());
  }

  @Test
  void batchesSeveralArtistsFiftyToACallAndKeepsTheirOrder() {
    List<String> ids =
        IntStream.range(0, 120)
            .mapToObj(n -> SimulatedCatalog.generatedArtist(n).spotifyId())
            .toList();

    List<SpotifyArtist> artists = client.artists(ids);

    assertThat(artists).extracting(SpotifyArtist::id).containsExactlyElementsOf(ids);
    assertThat(spotify().calls("several-artists")).isEqualTo(3);
    assertThat(spotify().calls("artist")).isZero();
  }

  @Test
  void fetchesOneTokenAndReusesItUntilItExpires() {
    for (int i = 0; i < 5; i++) {
      client.artist(RADIOHEAD.spotifyId());
    }

    assertThat(spotify().calls("token")).isEqualTo(1);
  }

  @Test
  void concurrentFirstCallsShareOneTokenRequest() throws Exception {
    simulator.faults(Upstream.SPOTIFY, Faults.latency(50));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<SpotifyArtist>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> client.artist(RADIOHEAD.spotifyId()), pool));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdownNow();
    }

    assertThat(spotify().calls("token")).isEqualTo(1);
    assertThat(spotify().calls("artist")).isEqualTo(16);
  }

  @Test
  void replacesTheTokenBeforeItExpires() {
    simulator.tokenLifetime(Duration.ofSeconds(2));

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              client.artist(RADIOHEAD.spotifyId());
              assertThat(spotify().calls("token")).isGreaterThanOrEqualTo(2);
            });
    assertThat(registry.find("setsync.upstream.requests").tag("status", "401").timer()).isNull();
  }

  @Test
  void aRejectedTokenIsReplacedOnceAndTheCallSucceeds() {
    client.artist(RADIOHEAD.spotifyId());
    simulator.revokeTokens();

    SpotifyArtist artist = client.artist(RADIOHEAD.spotifyId());

    assertThat(artist.name()).isEqualTo("Radiohead");
    assertThat(spotify().calls("token")).isEqualTo(2);
    assertThat(spotify().calls("artist")).isEqualTo(3);
  }

  @Test
  void retriesServerErrorsAndSucceeds() {
    simulator.faults(Upstream.SPOTIFY, Faults.errors(0.5, 503));

    SpotifyArtist artist = client.artist(RADIOHEAD.spotifyId());

    assertThat(artist.name()).isEqualTo("Radiohead");
    assertThat(spotify().errorsInjected()).isEqualTo(1);
    assertThat(spotify().calls("artist")).isEqualTo(2);
    assertThat(registry.get("setsync.upstream.retries").tag("endpoint", "artist").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void givesUpOnPersistentServerErrorsAsRetryable() {
    simulator.faults(Upstream.SPOTIFY, Faults.errors(1.0, 500));

    assertThatThrownBy(() -> client.artist(RADIOHEAD.spotifyId()))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.code()).isEqualTo(UpstreamErrorCode.UPSTREAM_UNAVAILABLE);
              assertThat(e.retryable()).isTrue();
              assertThat(e.httpStatus()).isEqualTo(500);
            });
    assertThat(spotify().calls("artist")).isEqualTo(TestUpstreams.fastRetry().maxAttempts());
  }

  @Test
  void doesNotRetryARefusedRequest() {
    // 22 base62 digits, but above 2^128: Spotify calls that an invalid id.
    assertThatThrownBy(() -> client.artist("zzzzzzzzzzzzzzzzzzzzzz"))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.code()).isEqualTo(UpstreamErrorCode.INVALID_REQUEST);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("invalid id");
            });
    assertThat(spotify().calls("artist")).isEqualTo(1);
  }

  @Test
  void refusesAnIllFormedIdWithoutCallingSpotify() {
    assertThatThrownBy(() -> client.artist("not-an-id"))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> assertThat(e.code()).isEqualTo(UpstreamErrorCode.INVALID_REQUEST));
    assertThat(spotify().calls()).isZero();
  }

  @Test
  void waitsTheRetryAfterOfA429AndThenSucceeds() {
    simulator.faults(Upstream.SPOTIFY, Faults.rateLimit(1));
    client.artist(RADIOHEAD.spotifyId());
    long start = System.nanoTime();

    SpotifyArtist artist = client.artist(RADIOHEAD.spotifyId());

    assertThat(artist.name()).isEqualTo("Radiohead");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(spotify().rateLimited()).isEqualTo(1);
    assertThat(registry.get("setsync.upstream.rate.limited").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aLongRetryAfterIsReportedRatherThanWaitedFor() {
    simulator.faults(Upstream.SPOTIFY, Faults.rateLimit(0.1));
    SpotifyClient impatient =
        new SpotifyClient(
            TestUpstreams.spotify(
                simulator.baseUrl(),
                new io.setsync.upstream.http.RetrySettings(
                    4,
                    Duration.ofMillis(20),
                    2.0,
                    0.5,
                    Duration.ofMillis(200),
                    Duration.ofSeconds(2)),
                TestUpstreams.unlimited()),
            registry);
    impatient.artist(RADIOHEAD.spotifyId());

    assertThatThrownBy(() -> impatient.artist(RADIOHEAD.spotifyId()))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.code()).isEqualTo(UpstreamErrorCode.UPSTREAM_RATE_LIMITED);
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(10));
            });
    assertThat(spotify().rateLimited()).isEqualTo(1);
  }

  @Test
  void aLimiterAtTheUpstreamsRateDrawsNo429s() throws Exception {
    simulator.faults(Upstream.SPOTIFY, Faults.rateLimit(20));
    SpotifyClient paced =
        new SpotifyClient(
            TestUpstreams.spotify(
                simulator.baseUrl(),
                TestUpstreams.fastRetry(),
                new RateLimitSettings(20, Duration.ofSeconds(10))),
            registry);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<SpotifyArtist>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String id = SimulatedCatalog.generatedArtist(i).spotifyId();
        calls.add(CompletableFuture.supplyAsync(() -> paced.artist(id), pool));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdownNow();
    }

    assertThat(spotify().calls("artist")).isEqualTo(50);
    assertThat(spotify().rateLimited()).isZero();
  }

  @Test
  void inDevelopmentModeFallsBackToAlbumTracksAndStopsAskingForTopTracks() {
    simulator.spotifyMode(SpotifyMode.DEVELOPMENT);

    ArtistTracks first = client.topTracks(RADIOHEAD.spotifyId());
    ArtistTracks second = client.topTracks(RADIOHEAD.spotifyId());

    assertThat(first.source()).isEqualTo(SongSource.ALBUMS);
    assertThat(second.source()).isEqualTo(SongSource.ALBUMS);
    assertThat(first.tracks()).hasSizeGreaterThan(RADIOHEAD.albums());
    assertThat(first.tracks())
        .allSatisfy(
            track -> {
              assertThat(track.albumName()).isNotBlank();
              assertThat(track.popularity()).isNull();
            });
    assertThat(first.tracks()).extracting(SpotifyTrack::name).doesNotHaveDuplicates();
    assertThat(spotify().calls("top-tracks")).isEqualTo(1);
    assertThat(spotify().calls("artist-albums")).isEqualTo(2);
    assertThat(client.removedEndpoints()).containsExactly("top-tracks");
  }

  @Test
  void inExtendedModeTopTracksComeWithPopularity() {
    ArtistTracks top = client.topTracks(RADIOHEAD.spotifyId());

    assertThat(top.source()).isEqualTo(SongSource.TOP_TRACKS);
    assertThat(top.tracks()).hasSize(10);
    assertThat(top.tracks()).allSatisfy(track -> assertThat(track.popularity()).isNotNull());
    assertThat(spotify().calls("artist-albums")).isZero();
  }

  @Test
  void inDevelopmentModeReadsArtistsOneByOneWithoutPopularity() {
    simulator.spotifyMode(SpotifyMode.DEVELOPMENT);
    List<String> ids =
        IntStream.range(0, 5)
            .mapToObj(n -> SimulatedCatalog.generatedArtist(n).spotifyId())
            .toList();

    List<SpotifyArtist> first = client.artists(ids);
    client.artists(ids);

    assertThat(first).extracting(SpotifyArtist::id).containsExactlyElementsOf(ids);
    assertThat(first)
        .allSatisfy(
            artist -> {
              assertThat(artist.popularity()).isNull();
              assertThat(artist.followers()).isNull();
              assertThat(artist.genres()).isEmpty();
            });
    assertThat(spotify().calls("several-artists")).isEqualTo(1);
    assertThat(spotify().calls("artist")).isEqualTo(10);
  }

  @Test
  void aSecondReadOfAnUnchangedArtistIsAnswered304() {
    SpotifyArtist first = client.artist(RADIOHEAD.spotifyId());

    assertThat(client.artistIfChanged(RADIOHEAD.spotifyId())).isEmpty();
    assertThat(client.artist(RADIOHEAD.spotifyId())).isEqualTo(first);
    assertThat(registry.get("setsync.upstream.not.modified").counter().count()).isEqualTo(2.0);
  }

  @Test
  void pagesThroughAnArtistsAlbumsAndAnAlbumsTracks() {
    List<SpotifyAlbum> albums = client.albums(RADIOHEAD.spotifyId());
    List<SpotifyTrack> tracks = client.albumTracks(albums.get(0).id());

    assertThat(albums).hasSize(RADIOHEAD.albums());
    assertThat(tracks).hasSize(albums.get(0).totalTracks());
    assertThat(tracks)
        .allSatisfy(track -> assertThat(track.albumId()).isEqualTo(albums.get(0).id()));
  }

  @Test
  void findsAnArtistByTheNameTicketmasterKnowsItBy() {
    CatalogArtist generated = SimulatedCatalog.generatedArtist(4242);

    assertThat(client.findArtistByName(generated.name().toUpperCase()))
        .map(SpotifyArtist::id)
        .hasValue(generated.spotifyId());
    assertThat(client.findArtistByName("Nobody Plays Here")).isEmpty();
  }

  private UpstreamStats spotify() {
    return simulator.stats().of(Upstream.SPOTIFY);
  }
}
