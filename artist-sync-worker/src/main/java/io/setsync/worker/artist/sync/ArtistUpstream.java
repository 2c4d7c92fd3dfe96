package io.setsync.worker.artist.sync;

import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.spotify.ArtistTracks;
import io.setsync.upstream.spotify.SpotifyArtist;
import io.setsync.upstream.spotify.SpotifyClient;
import io.setsync.upstream.ticketmaster.TicketmasterAttraction;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.Fetched;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the artist worker reads from Spotify and Ticketmaster for the requests of one poll:
 * resolves each artist's missing id by name, reads the Spotify artists in one batched call, then
 * per artist its songs and its upcoming events.
 */
class ArtistUpstream {

  static final String AMBIGUOUS_TICKETMASTER = "ambiguousTicketmasterMatches";
  static final String AMBIGUOUS_SPOTIFY = "ambiguousSpotifyMatches";
  static final String TICKETMASTER_ID_TAKEN = "ticketmasterIdTakenByAnotherArtist";

  private static final Logger log = LoggerFactory.getLogger(ArtistUpstream.class);

  private final SpotifyClient spotify;
  private final TicketmasterClient ticketmaster;
  private final ArtistStore artists;
  private final Clock clock;

  ArtistUpstream(
      SpotifyClient spotify, TicketmasterClient ticketmaster, ArtistStore artists, Clock clock) {
    this.spotify = spotify;
    this.ticketmaster = ticketmaster;
    this.artists = artists;
    this.clock = clock;
  }

  /** One artist on its way through the look-ups. */
  private static final class Lookup {
    final SyncRequest request;
    String spotifyId;
    String ticketmasterId;
    TicketmasterAttraction attraction;
    SpotifyArtist artist;
    final Map<String, Long> notes = new LinkedHashMap<>();
    SyncFailure failure;

    Lookup(SyncRequest request, String spotifyId, String ticketmasterId) {
      this.request = request;
      this.spotifyId = spotifyId;
      this.ticketmasterId = ticketmasterId;
    }

    boolean ok() {
      return failure == null;
    }
  }

  List<Fetched<FetchedArtist>> fetch(List<SyncRequest> requests) {
    Map<UUID, StoredArtist> stored =
        artists.find(requests.stream().map(SyncRequest::entityId).toList());
    List<Lookup> lookups = new ArrayList<>();
    for (SyncRequest request : requests) {
      StoredArtist row = stored.get(request.entityId());
      lookups.add(
          new Lookup(
              request,
              firstNonNull(request.spotifyId(), row == null ? null : row.spotifyId()),
              firstNonNull(request.ticketmasterId(), row == null ? null : row.ticketmasterId())));
    }
    for (Lookup lookup : lookups) {
      if (lookup.spotifyId == null && lookup.ticketmasterId == null) {
        lookup.failure =
            new SyncFailure(
                ErrorCode.INVALID_REQUEST,
                "Artist "
                    + lookup.request.entityId()
                    + " has neither a Spotify nor a Ticketmaster id");
      } else if (lookup.spotifyId == null) {
        call(lookup, () -> spotifyOfAttraction(lookup));
      }
    }
    spotifyArtists(lookups);
    for (Lookup lookup : lookups) {
      if (lookup.ok() && lookup.ticketmasterId == null && lookup.artist != null) {
        call(lookup, () -> attractionByName(lookup));
      }
    }
    dropIdsOfOtherArtists(lookups);

    List<Fetched<FetchedArtist>> fetched = new ArrayList<>(lookups.size());
    for (Lookup lookup : lookups) {
      if (lookup.ok()) {
        call(lookup, () -> fetched.add(Fetched.of(lookup.request, songsAndEvents(lookup))));
      }
      if (!lookup.ok()) {
        fetched.add(Fetched.failed(lookup.request, lookup.failure));
      }
    }
    return fetched;
  }

  /** A request by Ticketmaster id: the attraction, and the Spotify artist of the same name. */
  private void spotifyOfAttraction(Lookup lookup) {
    lookup.attraction = ticketmaster.attraction(lookup.ticketmasterId);
    if (lookup.attraction.spotifyId() != null) {
      lookup.spotifyId = lookup.attraction.spotifyId();
      return;
    }
    List<SpotifyArtist> matches =
        spotify.searchArtists(lookup.attraction.name()).stream()
            .filter(candidate -> Names.same(candidate.name(), lookup.attraction.name()))
            .toList();
    if (matches.size() == 1) {
      lookup.spotifyId = matches.get(0).id();
    } else if (matches.size() > 1) {
      lookup.notes.put(AMBIGUOUS_SPOTIFY, (long) matches.size());
      log.info(
          "Artist {}: {} Spotify artists are named '{}'; leaving the Spotify id empty",
          lookup.request.entityId(),
          matches.size(),
          lookup.attraction.name());
    }
  }

  /** The Spotify artists of the poll in as few calls as Spotify allows. */
  private void spotifyArtists(List<Lookup> lookups) {
    Set<String> ids = new LinkedHashSet<>();
    lookups.stream()
        .filter(lookup -> lookup.ok() && lookup.spotifyId != null)
        .forEach(lookup -> ids.add(lookup.spotifyId));
    if (ids.isEmpty()) {
      return;
    }
    Map<String, SpotifyArtist> found = new HashMap<>();
    try {
      spotify.artists(List.copyOf(ids)).forEach(artist -> found.put(artist.id(), artist));
    } catch (UpstreamException batchFailed) {
      // One bad id or one failing chunk must not fail its neighbours: one by one.
      for (Lookup lookup : lookups) {
        if (lookup.ok() && lookup.spotifyId != null && !found.containsKey(lookup.spotifyId)) {
          call(lookup, () -> found.put(lookup.spotifyId, spotify.artist(lookup.spotifyId)));
        }
      }
    }
    for (Lookup lookup : lookups) {
      if (!lookup.ok() || lookup.spotifyId == null) {
        continue;
      }
      lookup.artist = found.get(lookup.spotifyId);
      if (lookup.artist == null) {
        lookup.failure =
            new SyncFailure(ErrorCode.NOT_FOUND, "No Spotify artist " + lookup.spotifyId);
      }
    }
  }

  /**
   * A request by Spotify id: the Ticketmaster attraction of the same name. Among exact matches, one
   * that links this Spotify artist wins; ones that link another are namesakes; several left is
   * ambiguous.
   */
  private void attractionByName(Lookup lookup) {
    String name = lookup.artist.name();
    List<TicketmasterAttraction> matches =
        ticketmaster.searchAttractions(name).stream()
            .filter(candidate -> Names.same(candidate.name(), name))
            .filter(
                candidate ->
                    candidate.spotifyId() == null || candidate.spotifyId().equals(lookup.spotifyId))
            .toList();
    List<TicketmasterAttraction> linked =
        matches.stream()
            .filter(candidate -> lookup.spotifyId.equals(candidate.spotifyId()))
            .toList();
    if (linked.size() == 1) {
      lookup.ticketmasterId = linked.get(0).id();
    } else if (matches.size() == 1) {
      lookup.ticketmasterId = matches.get(0).id();
    } else if (matches.size() > 1) {
      lookup.notes.put(AMBIGUOUS_TICKETMASTER, (long) matches.size());
      log.info(
          "Artist {}: {} Ticketmaster attractions are named '{}'; leaving the Ticketmaster id empty",
          lookup.request.entityId(),
          matches.size(),
          name);
    }
  }

  /**
   * An id another artist row already holds cannot be this artist's: a Spotify id is a bad request
   * (sync-api resolves artists by it), a Ticketmaster id found by name is left out.
   */
  private void dropIdsOfOtherArtists(List<Lookup> lookups) {
    List<String> spotifyIds = new ArrayList<>();
    List<String> ticketmasterIds = new ArrayList<>();
    for (Lookup lookup : lookups) {
      if (lookup.ok()) {
        if (lookup.spotifyId != null) {
          spotifyIds.add(lookup.spotifyId);
        }
        if (lookup.ticketmasterId != null) {
          ticketmasterIds.add(lookup.ticketmasterId);
        }
      }
    }
    ArtistStore.Owners owners = artists.owners(spotifyIds, ticketmasterIds);
    for (Lookup lookup : lookups) {
      if (!lookup.ok()) {
        continue;
      }
      UUID me = lookup.request.entityId();
      UUID spotifyOwner =
          lookup.spotifyId == null ? null : owners.bySpotifyId().get(lookup.spotifyId);
      if (spotifyOwner != null && !spotifyOwner.equals(me)) {
        lookup.failure =
            new SyncFailure(
                ErrorCode.INVALID_REQUEST,
                "Spotify artist "
                    + lookup.spotifyId
                    + " is artist "
                    + spotifyOwner
                    + ", not "
                    + me);
        continue;
      }
      UUID ticketmasterOwner =
          lookup.ticketmasterId == null
              ? null
              : owners.byTicketmasterId().get(lookup.ticketmasterId);
      if (ticketmasterOwner != null && !ticketmasterOwner.equals(me)) {
        log.warn(
            "Artist {}: Ticketmaster attraction {} belongs to artist {}; leaving it out",
            me,
            lookup.ticketmasterId,
            ticketmasterOwner);
        lookup.notes.put(TICKETMASTER_ID_TAKEN, 1L);
        lookup.ticketmasterId = null;
      }
    }
  }

  private FetchedArtist songsAndEvents(Lookup lookup) {
    ArtistTracks tracks = lookup.artist == null ? null : spotify.topTracks(lookup.spotifyId);
    List<TicketmasterEvent> events =
        lookup.ticketmasterId == null
            ? List.of()
            : ticketmaster.eventsOfAttraction(lookup.ticketmasterId);
    return new FetchedArtist(
        lookup.artist,
        tracks,
        lookup.attraction,
        lookup.ticketmasterId,
        events,
        clock.instant(),
        lookup.notes);
  }

  private static void call(Lookup lookup, Runnable upstreamCall) {
    try {
      upstreamCall.run();
    } catch (UpstreamException e) {
      lookup.failure = UpstreamFailures.of(e);
    }
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
