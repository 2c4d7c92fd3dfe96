package io.setsync.worker.venue.link;

import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.Fetched;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncHandler;
import io.setsync.worker.runtime.SyncRequest;
import io.setsync.worker.runtime.SyncResult;
import io.setsync.worker.venue.link.VenueStore.VenueRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the venues of one poll: each distinct Ticketmaster venue once (from the freshest snapshot
 * among its requests, else one fetch), upserted on {@code ticketmaster_id} in one statement, then
 * every show naming one of them linked to its UUID, in the same transaction.
 */
class VenueLinkHandler implements SyncHandler<VenueDetails> {

  private static final Logger log = LoggerFactory.getLogger(VenueLinkHandler.class);

  private final VenueStore store;
  private final TicketmasterClient ticketmaster;
  private final VenueLinkerSettings settings;
  private final Clock clock;

  VenueLinkHandler(
      VenueStore store,
      TicketmasterClient ticketmaster,
      VenueLinkerSettings settings,
      Clock clock) {
    this.store = store;
    this.ticketmaster = ticketmaster;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public EntityKind entity() {
    return EntityKind.VENUE;
  }

  @Override
  public List<Fetched<VenueDetails>> fetch(List<SyncRequest> requests) {
    Map<UUID, String> stored =
        store.ticketmasterIds(requests.stream().map(SyncRequest::entityId).toList());
    List<Fetched<VenueDetails>> fetched = new ArrayList<>(requests.size());
    Map<String, List<SyncRequest>> byVenue = new LinkedHashMap<>();
    for (SyncRequest request : requests) {
      String storedId = stored.get(request.entityId());
      String asked = request.ticketmasterId();
      if (storedId != null && asked != null && !storedId.equals(asked)) {
        fetched.add(
            Fetched.failed(
                request,
                new SyncFailure(
                    ErrorCode.INVALID_REQUEST,
                    "Venue "
                        + request.entityId()
                        + " is Ticketmaster venue "
                        + storedId
                        + ", not "
                        + asked)));
      } else if (storedId == null && asked == null) {
        fetched.add(
            Fetched.failed(
                request,
                new SyncFailure(
                    ErrorCode.NOT_FOUND,
                    "No venue " + request.entityId() + " and no Ticketmaster id to sync it by")));
      } else {
        byVenue
            .computeIfAbsent(storedId != null ? storedId : asked, id -> new ArrayList<>())
            .add(request);
      }
    }
    Instant now = clock.instant();
    byVenue.forEach(
        (ticketmasterId, asking) -> {
          Fetched<VenueDetails> one = fetchVenue(ticketmasterId, asking, now);
          for (SyncRequest request : asking) {
            fetched.add(
                one.succeeded()
                    ? Fetched.of(request, one.value())
                    : Fetched.failed(request, one.failure()));
          }
        });
    return fetched;
  }

  /** One venue for all the requests naming it: the freshest usable snapshot, else one fetch. */
  private Fetched<VenueDetails> fetchVenue(
      String ticketmasterId, List<SyncRequest> asking, Instant now) {
    List<SyncRequest> withSnapshot =
        asking.stream()
            .filter(request -> request.hasSnapshotNewerThan(settings.snapshotMaxAge(), now))
            .sorted(Comparator.comparing(SyncRequest::snapshotAt).reversed())
            .toList();
    for (SyncRequest request : withSnapshot) {
      try {
        VenueDetails venue = VenueDetails.of(ticketmaster.venueFromSnapshot(request.snapshot()));
        if (venue.ticketmasterId().equals(ticketmasterId)) {
          return Fetched.of(request, venue);
        }
        log.warn(
            "Snapshot of sync {} is venue {}, not {}",
            request.syncId(),
            venue.ticketmasterId(),
            ticketmasterId);
      } catch (RuntimeException e) {
        log.warn("Unreadable snapshot in sync {}: {}", request.syncId(), e.toString());
      }
    }
    SyncRequest first = asking.get(0);
    try {
      return Fetched.of(first, VenueDetails.of(ticketmaster.venue(ticketmasterId)));
    } catch (UpstreamException e) {
      return Fetched.failed(first, UpstreamFailures.of(e));
    }
  }

  @Override
  public List<SyncResult> store(List<Fetched<VenueDetails>> fetched) {
    Map<String, VenueRow> rows = new LinkedHashMap<>();
    for (Fetched<VenueDetails> item : fetched) {
      VenueDetails venue = item.value();
      rows.putIfAbsent(venue.ticketmasterId(), new VenueRow(item.request().entityId(), venue));
    }
    Set<String> changed = store.upsert(List.copyOf(rows.values()));
    Map<String, Long> linked = store.linkShows(rows.keySet());
    List<SyncResult> results = new ArrayList<>(fetched.size());
    // Several requests for one venue in a poll: the first reports the writes, the others none.
    Set<String> reported = new HashSet<>();
    for (Fetched<VenueDetails> item : fetched) {
      String ticketmasterId = item.value().ticketmasterId();
      boolean first = reported.add(ticketmasterId);
      long shows = first ? linked.getOrDefault(ticketmasterId, 0L) : 0L;
      boolean venueChanged = first && changed.contains(ticketmasterId);
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("venues", venueChanged ? 1L : 0L);
      counts.put("shows", shows);
      results.add(
          new SyncResult.Completed(
              item.request(), venueChanged || shows > 0, counts, null, ticketmasterId, List.of()));
    }
    return results;
  }
}
