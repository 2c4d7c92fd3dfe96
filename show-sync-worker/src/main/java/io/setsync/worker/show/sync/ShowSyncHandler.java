package io.setsync.worker.show.sync;

import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.Fetched;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncHandler;
import io.setsync.worker.runtime.SyncRequest;
import io.setsync.worker.runtime.SyncResult;
import io.setsync.worker.show.setlist.ArtistSetlists;
import io.setsync.worker.show.setlist.SetlistSuggestions;
import io.setsync.worker.show.sync.ShowStore.ShowRow;
import io.setsync.worker.show.sync.ShowStore.StoredArtist;
import io.setsync.worker.show.sync.ShowStore.StoredVenue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the shows of one poll: the Ticketmaster event (the cascade's snapshot when fresh, else one
 * fetch per event) → {@code shows}, linked to its artist and venue by UUID, with setlist
 * suggestions from the artist's songs.
 *
 * <p>A show whose artist has not been synced yet is written, then {@linkplain SyncResult.Deferred
 * deferred}: the runtime asks for the artist's sync (a cascade with lineage) and delivers the show
 * again later through the retry topics, with growing delays and no busy loop, until the artist is
 * synced or the attempts run out ({@code TIMED_OUT}). See the README for why.
 */
class ShowSyncHandler implements SyncHandler<FetchedEvent> {

  private static final Logger log = LoggerFactory.getLogger(ShowSyncHandler.class);

  private final ShowStore store;
  private final ArtistSetlists setlists;
  private final TicketmasterClient ticketmaster;
  private final ShowSyncSettings settings;
  private final String producer;
  private final Clock clock;

  ShowSyncHandler(
      ShowStore store,
      ArtistSetlists setlists,
      TicketmasterClient ticketmaster,
      ShowSyncSettings settings,
      String producer,
      Clock clock) {
    this.store = store;
    this.setlists = setlists;
    this.ticketmaster = ticketmaster;
    this.settings = settings;
    this.producer = producer;
    this.clock = clock;
  }

  @Override
  public EntityKind entity() {
    return EntityKind.SHOW;
  }

  @Override
  public List<Fetched<FetchedEvent>> fetch(List<SyncRequest> requests) {
    Map<UUID, String> storedIds =
        store.ticketmasterIds(
            requests.stream()
                .filter(request -> request.ticketmasterId() == null)
                .map(SyncRequest::entityId)
                .toList());
    // One upstream call per distinct event in the poll.
    Map<String, Fetched<FetchedEvent>> fetchedByEvent = new HashMap<>();
    List<Fetched<FetchedEvent>> fetched = new ArrayList<>(requests.size());
    for (SyncRequest request : requests) {
      String ticketmasterId =
          request.ticketmasterId() != null
              ? request.ticketmasterId()
              : storedIds.get(request.entityId());
      if (ticketmasterId == null) {
        fetched.add(
            Fetched.failed(
                request,
                new SyncFailure(
                    ErrorCode.NOT_FOUND,
                    "No show " + request.entityId() + " and no Ticketmaster id to sync it by")));
        continue;
      }
      FetchedEvent fromSnapshot = fromSnapshot(request, ticketmasterId);
      if (fromSnapshot != null) {
        fetched.add(Fetched.of(request, fromSnapshot));
        continue;
      }
      Fetched<FetchedEvent> result =
          fetchedByEvent.computeIfAbsent(ticketmasterId, id -> fetchEvent(request, id));
      fetched.add(
          result.succeeded()
              ? Fetched.of(request, result.value())
              : Fetched.failed(request, result.failure()));
    }
    return fetched;
  }

  private FetchedEvent fromSnapshot(SyncRequest request, String ticketmasterId) {
    Instant now = clock.instant();
    if (!request.hasSnapshotNewerThan(settings.snapshotMaxAge(), now)) {
      return null;
    }
    try {
      ShowEvent event = ShowEvent.of(ticketmaster.eventFromSnapshot(request.snapshot()));
      if (ticketmasterId.equals(event.ticketmasterId())) {
        return new FetchedEvent(event, request.snapshotAt());
      }
      log.warn(
          "Snapshot of sync {} is event {}, not {}: fetching",
          request.syncId(),
          event.ticketmasterId(),
          ticketmasterId);
    } catch (RuntimeException e) {
      log.warn("Unreadable snapshot in sync {}: fetching ({})", request.syncId(), e.toString());
    }
    return null;
  }

  private Fetched<FetchedEvent> fetchEvent(SyncRequest request, String ticketmasterId) {
    Instant at = clock.instant();
    try {
      return Fetched.of(
          request, new FetchedEvent(ShowEvent.of(ticketmaster.event(ticketmasterId)), at));
    } catch (UpstreamException e) {
      return Fetched.failed(request, UpstreamFailures.of(e));
    }
  }

  @Override
  public List<SyncResult> store(List<Fetched<FetchedEvent>> fetched) {
    List<SyncResult> results = new ArrayList<>(fetched.size());
    List<Fetched<FetchedEvent>> ok = new ArrayList<>(fetched.size());
    for (Fetched<FetchedEvent> item : fetched) {
      if (item.succeeded()) {
        ok.add(item);
      } else {
        results.add(new SyncResult.Failed(item.request(), item.failure()));
      }
    }
    if (ok.isEmpty()) {
      return results;
    }
    Set<String> newArtists = new HashSet<>();
    Map<UUID, StoredArtist> artists = resolveArtists(ok, newArtists);
    Map<String, StoredVenue> venues = new HashMap<>();
    Set<String> newVenues = resolveVenues(ok, venues);
    Set<UUID> readyArtists = new HashSet<>();
    artists.values().stream()
        .filter(StoredArtist::synced)
        .forEach(artist -> readyArtists.add(artist.id()));
    Map<UUID, SetlistSuggestions> suggestions = setlists.suggestions(readyArtists);
    // Every show of an artist stores the same suggestions: serialize them once per artist.
    Map<UUID, String> suggestionsJson = new HashMap<>();
    suggestions.forEach(
        (artistId, setlist) -> suggestionsJson.put(artistId, setlists.toJson(setlist)));

    List<ShowRow> rows = new ArrayList<>(ok.size());
    for (Fetched<FetchedEvent> item : ok) {
      ShowEvent event = item.value().event();
      StoredArtist artist = artists.get(item.request().syncId());
      StoredVenue venue =
          event.venueTicketmasterId() == null ? null : venues.get(event.venueTicketmasterId());
      rows.add(
          new ShowRow(
              item.request().entityId(),
              event.ticketmasterId(),
              artist == null ? null : artist.id(),
              event.venueTicketmasterId(),
              venue == null ? null : venue.id(),
              event.name(),
              event.startsAt(venue == null ? null : venue.timezone()),
              event.localDate(venue == null ? null : venue.timezone()),
              event.status(),
              event.url(),
              event.imageUrl(),
              artist == null ? null : suggestionsJson.get(artist.id())));
    }
    Set<String> changed = store.upsert(rows);

    Set<UUID> artistsAskedFor = new HashSet<>();
    Set<String> venuesAskedFor = new HashSet<>();
    for (Fetched<FetchedEvent> item : ok) {
      SyncRequest request = item.request();
      ShowEvent event = item.value().event();
      StoredArtist artist = artists.get(request.syncId());
      List<SyncRequest> followUps = new ArrayList<>();
      StoredVenue venue =
          event.venueTicketmasterId() == null ? null : venues.get(event.venueTicketmasterId());
      if (venue != null
          && newVenues.contains(venue.ticketmasterId())
          && venuesAskedFor.add(venue.ticketmasterId())) {
        followUps.add(
            request.cascade(
                EntityKind.VENUE,
                venue.id(),
                null,
                venue.ticketmasterId(),
                event.venueSnapshot(),
                event.venueSnapshot() == null ? null : item.value().fetchedAt(),
                producer,
                clock.instant()));
      }
      if (artist != null && !artist.synced() && !request.skipDependencies()) {
        // Asked for once per show (a retry of it does not ask again), and once more by the sync
        // that made the placeholder; one request per artist in a poll.
        boolean ask = request.attempt() == 1 || newArtists.contains(artist.ticketmasterId());
        if (ask && artistsAskedFor.add(artist.id())) {
          followUps.add(
              request.cascade(
                  EntityKind.ARTIST,
                  artist.id(),
                  null,
                  artist.ticketmasterId(),
                  null,
                  null,
                  producer,
                  clock.instant()));
        }
        results.add(
            new SyncResult.Deferred(
                request,
                "artist "
                    + artist.ticketmasterId()
                    + " ("
                    + artist.id()
                    + ") of show "
                    + event.ticketmasterId()
                    + " has not been synced yet",
                followUps));
        continue;
      }
      SetlistSuggestions setlist = artist == null ? null : suggestions.get(artist.id());
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("shows", changed.contains(event.ticketmasterId()) ? 1L : 0L);
      counts.put("setlistSongs", setlist == null ? 0L : setlist.songs().size());
      results.add(
          new SyncResult.Completed(
              request,
              changed.contains(event.ticketmasterId()),
              counts,
              null,
              event.ticketmasterId(),
              followUps));
    }
    return results;
  }

  /**
   * The artist of each show, by syncId: the one the show row already names, else the first of the
   * event's attractions that is stored, else a placeholder row for the headliner, so its sync can
   * be asked for by UUID (the Ticketmaster ids of the placeholders this call made go into {@code
   * placeholdersCreated}). None when the event names no attraction, or when the request says not to
   * follow dependencies and the artist is not stored.
   */
  private Map<UUID, StoredArtist> resolveArtists(
      List<Fetched<FetchedEvent>> items, Set<String> placeholdersCreated) {
    List<String> showIds =
        items.stream().map(item -> item.value().event().ticketmasterId()).toList();
    Map<String, UUID> artistOfShow = store.artistOfShows(showIds);
    Set<String> attractionIds = new HashSet<>();
    items.forEach(
        item ->
            item.value().event().attractions().forEach(a -> attractionIds.add(a.ticketmasterId())));
    Map<UUID, StoredArtist> byId = new HashMap<>();
    Map<String, StoredArtist> byTicketmasterId = new HashMap<>();
    index(store.artists(artistOfShow.values(), attractionIds), byId, byTicketmasterId);

    Map<String, String> placeholders = new LinkedHashMap<>();
    for (Fetched<FetchedEvent> item : items) {
      if (pick(item, artistOfShow, byId, byTicketmasterId) == null
          && !item.request().skipDependencies()
          && !item.value().event().attractions().isEmpty()) {
        ShowEvent.Attraction headliner = item.value().event().attractions().get(0);
        placeholders.putIfAbsent(headliner.ticketmasterId(), headliner.name());
      }
    }
    if (!placeholders.isEmpty()) {
      placeholdersCreated.addAll(store.insertArtistPlaceholders(placeholders));
      index(store.artists(List.of(), placeholders.keySet()), byId, byTicketmasterId);
    }
    Map<UUID, StoredArtist> bySync = new HashMap<>();
    for (Fetched<FetchedEvent> item : items) {
      StoredArtist artist = pick(item, artistOfShow, byId, byTicketmasterId);
      if (artist != null) {
        bySync.put(item.request().syncId(), artist);
      }
    }
    return bySync;
  }

  private static StoredArtist pick(
      Fetched<FetchedEvent> item,
      Map<String, UUID> artistOfShow,
      Map<UUID, StoredArtist> byId,
      Map<String, StoredArtist> byTicketmasterId) {
    UUID current = artistOfShow.get(item.value().event().ticketmasterId());
    if (current != null && byId.containsKey(current)) {
      return byId.get(current);
    }
    for (ShowEvent.Attraction attraction : item.value().event().attractions()) {
      StoredArtist artist = byTicketmasterId.get(attraction.ticketmasterId());
      if (artist != null) {
        return artist;
      }
    }
    return null;
  }

  private static void index(
      List<StoredArtist> artists,
      Map<UUID, StoredArtist> byId,
      Map<String, StoredArtist> byTicketmasterId) {
    for (StoredArtist artist : artists) {
      byId.put(artist.id(), artist);
      if (artist.ticketmasterId() != null) {
        byTicketmasterId.put(artist.ticketmasterId(), artist);
      }
    }
  }

  /**
   * Fills {@code venues} with the stored venue of each event; inserts a placeholder for a venue not
   * stored yet (unless the request skips dependencies) and returns the Ticketmaster ids of the
   * placeholders this call created, whose syncs are to be asked for.
   */
  private Set<String> resolveVenues(
      List<Fetched<FetchedEvent>> items, Map<String, StoredVenue> venues) {
    Set<String> named = new HashSet<>();
    items.forEach(
        item -> {
          String venueId = item.value().event().venueTicketmasterId();
          if (venueId != null) {
            named.add(venueId);
          }
        });
    venues.putAll(store.venues(named));
    Set<String> missing = new HashSet<>();
    for (Fetched<FetchedEvent> item : items) {
      String venueId = item.value().event().venueTicketmasterId();
      if (venueId != null && !venues.containsKey(venueId) && !item.request().skipDependencies()) {
        missing.add(venueId);
      }
    }
    if (missing.isEmpty()) {
      return Set.of();
    }
    Set<String> created = store.insertVenuePlaceholders(missing);
    venues.putAll(store.venues(missing));
    return created;
  }
}
