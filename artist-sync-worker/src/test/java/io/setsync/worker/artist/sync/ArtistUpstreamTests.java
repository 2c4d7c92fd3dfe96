package io.setsync.worker.artist.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.spotify.ArtistTracks;
import io.setsync.upstream.spotify.SongSource;
import io.setsync.upstream.spotify.SpotifyArtist;
import io.setsync.upstream.spotify.SpotifyClient;
import io.setsync.upstream.ticketmaster.TicketmasterAttraction;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.Fetched;
import io.setsync.worker.runtime.SyncRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Identity resolution, with the upstreams answering what each case needs. */
class ArtistUpstreamTests {

  private static final String SPOTIFY_ID = "4Z8W4fKeB5YxbusRsdQVPb";
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private final SpotifyClient spotify = mock(SpotifyClient.class);
  private final TicketmasterClient ticketmaster = mock(TicketmasterClient.class);
  private final ArtistStore store = mock(ArtistStore.class);
  private final ArtistUpstream upstream =
      new ArtistUpstream(spotify, ticketmaster, store, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void nothingStored() {
    when(store.find(anyCollection())).thenReturn(Map.of());
    when(store.owners(anyCollection(), anyCollection()))
        .thenReturn(new ArtistStore.Owners(Map.of(), Map.of()));
    when(spotify.artists(anyList())).thenReturn(List.of(artist(SPOTIFY_ID, "Radiohead")));
    when(spotify.topTracks(any()))
        .thenReturn(new ArtistTracks(SPOTIFY_ID, List.of(), SongSource.TOP_TRACKS));
  }

  @Test
  void leavesTheTicketmasterIdEmptyWhenTheNameIsAmbiguous() {
    when(ticketmaster.searchAttractions("Radiohead"))
        .thenReturn(
            List.of(
                attraction("K8vZ9A", "Radiohead", null), attraction("K8vZ9B", "radiohead", null)));

    FetchedArtist fetched = only(upstream.fetch(List.of(bySpotifyId())));

    assertThat(fetched.ticketmasterId()).isNull();
    assertThat(fetched.notes()).containsEntry(ArtistUpstream.AMBIGUOUS_TICKETMASTER, 2L);
    verify(ticketmaster, never()).eventsOfAttraction(any());
  }

  @Test
  void prefersTheAttractionThatLinksThisSpotifyArtist() {
    when(ticketmaster.searchAttractions("Radiohead"))
        .thenReturn(
            List.of(
                attraction("K8vZ9A", "Radiohead", null),
                attraction("K8vZ9B", "Radiohead", SPOTIFY_ID),
                attraction("K8vZ9C", "Radiohead Tribute", null)));
    when(ticketmaster.eventsOfAttraction("K8vZ9B")).thenReturn(List.of());

    assertThat(only(upstream.fetch(List.of(bySpotifyId()))).ticketmasterId()).isEqualTo("K8vZ9B");
  }

  @Test
  void ignoresANamesakeThatLinksAnotherSpotifyArtist() {
    when(ticketmaster.searchAttractions("Radiohead"))
        .thenReturn(
            List.of(
                attraction("K8vZ9A", "Radiohead", "0000000000000000000000"),
                attraction("K8vZ9B", "Radiohead", null)));
    when(ticketmaster.eventsOfAttraction("K8vZ9B")).thenReturn(List.of());

    assertThat(only(upstream.fetch(List.of(bySpotifyId()))).ticketmasterId()).isEqualTo("K8vZ9B");
  }

  @Test
  void takesTheSpotifyArtistAnAttractionLinks() {
    when(ticketmaster.attraction("K8vZ9B"))
        .thenReturn(attraction("K8vZ9B", "Radiohead", SPOTIFY_ID));
    when(ticketmaster.eventsOfAttraction("K8vZ9B")).thenReturn(List.of());

    FetchedArtist fetched = only(upstream.fetch(List.of(request(null, "K8vZ9B"))));

    assertThat(fetched.spotifyId()).isEqualTo(SPOTIFY_ID);
    assertThat(fetched.ticketmasterId()).isEqualTo("K8vZ9B");
    verify(spotify, never()).searchArtists(any());
  }

  @Test
  void aRequestWithoutAnyIdIsInvalid() {
    Fetched<FetchedArtist> fetched = upstream.fetch(List.of(request(null, null))).get(0);

    assertThat(fetched.failure().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(fetched.failure().retryable()).isFalse();
  }

  @Test
  void aFailingBatchOfArtistsIsReadOneByOne() {
    when(spotify.artists(anyList()))
        .thenThrow(
            new UpstreamException(
                "spotify",
                "several-artists",
                UpstreamErrorCode.UPSTREAM_UNAVAILABLE,
                503,
                true,
                null,
                "503",
                null));
    when(spotify.artist(SPOTIFY_ID)).thenReturn(artist(SPOTIFY_ID, "Radiohead"));
    when(spotify.artist("1111111111111111111111"))
        .thenThrow(
            new UpstreamException(
                "spotify", "artist", UpstreamErrorCode.NOT_FOUND, 404, false, null, "404", null));
    when(ticketmaster.searchAttractions(any())).thenReturn(List.of());

    List<Fetched<FetchedArtist>> fetched =
        upstream.fetch(List.of(bySpotifyId(), request("1111111111111111111111", null)));

    assertThat(fetched.get(0).succeeded()).isTrue();
    assertThat(fetched.get(1).failure().code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  private static FetchedArtist only(List<Fetched<FetchedArtist>> fetched) {
    assertThat(fetched).hasSize(1);
    assertThat(fetched.get(0).succeeded()).as("%s", fetched.get(0).failure()).isTrue();
    return fetched.get(0).value();
  }

  private static SyncRequest bySpotifyId() {
    return request(SPOTIFY_ID, null);
  }

  private static SyncRequest request(String spotifyId, String ticketmasterId) {
    UUID syncId = UUID.randomUUID();
    return new SyncRequest(
        syncId,
        syncId,
        null,
        EntityKind.ARTIST,
        UUID.randomUUID(),
        spotifyId,
        ticketmasterId,
        SyncRequest.Reason.USER,
        false,
        false,
        "user",
        1,
        null,
        null,
        NOW);
  }

  private static SpotifyArtist artist(String id, String name) {
    return new SpotifyArtist(id, name, List.of("rock"), 80, 1000L, null, null);
  }

  private static TicketmasterAttraction attraction(String id, String name, String spotifyId) {
    return new TicketmasterAttraction(id, name, null, null, List.of(), 3, spotifyId);
  }
}
