package io.setsync.worker.artist.sync;

import io.setsync.upstream.spotify.SpotifyTrack;
import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import io.setsync.upstream.ticketmaster.TicketmasterVenue;
import io.setsync.worker.artist.sync.ArtistStore.ArtistRow;
import io.setsync.worker.artist.sync.ArtistStore.SongRow;
import io.setsync.worker.artist.sync.ShowStore.ShowRow;
import io.setsync.worker.artist.sync.ShowStore.StoredVenue;
import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.Fetched;
import io.setsync.worker.runtime.SyncHandler;
import io.setsync.worker.runtime.SyncRequest;
import io.setsync.worker.runtime.SyncResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Syncs the artists of one poll: Spotify metadata and songs, Ticketmaster events as shows, rows for
 * the venues they name, all in the runtime's one transaction; then asks for a sync of every new or
 * changed show and every venue not known yet, handing on the event or venue it fetched.
 */
class ArtistSyncHandler implements SyncHandler<FetchedArtist> {

  private final ArtistUpstream upstream;
  private final ArtistStore artists;
  private final ShowStore shows;
  private final String producer;
  private final Clock clock;

  ArtistSyncHandler(
      ArtistUpstream upstream, ArtistStore artists, ShowStore shows, String producer, Clock clock) {
    this.upstream = upstream;
    this.artists = artists;
    this.shows = shows;
    this.producer = producer;
    this.clock = clock;
  }

  @Override
  public EntityKind entity() {
    return EntityKind.ARTIST;
  }

  @Override
  public List<Fetched<FetchedArtist>> fetch(List<SyncRequest> requests) {
    return upstream.fetch(requests);
  }

  @Override
  public List<SyncResult> store(List<Fetched<FetchedArtist>> fetched) {
    Set<UUID> artistsChanged = artists.upsertArtists(artistRows(fetched));
    Map<UUID, Long> songsWritten = artists.upsertSongs(songRows(fetched));

    // An event listed by two artists of the poll (a festival) belongs to the first.
    Map<String, TicketmasterEvent> events = new LinkedHashMap<>();
    Map<String, UUID> eventOwner = new LinkedHashMap<>();
    Map<String, String> venueNames = new LinkedHashMap<>();
    for (Fetched<FetchedArtist> one : fetched) {
      for (TicketmasterEvent event : one.value().events()) {
        if (events.putIfAbsent(event.id(), event) == null) {
          eventOwner.put(event.id(), one.request().entityId());
        }
        TicketmasterVenue venue = venueOf(event);
        if (venue != null && venue.id() != null) {
          venueNames.putIfAbsent(venue.id(), venue.name());
        }
      }
    }
    Map<String, StoredVenue> venues = shows.ensureVenues(venueNames);
    // The follow-ups' request time; new shows are stored queued at it. Millisecond precision, as
    // the events carry it.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Set<UUID> cascading =
        fetched.stream()
            .map(Fetched::request)
            .filter(request -> !request.skipDependencies())
            .map(SyncRequest::entityId)
            .collect(Collectors.toSet());
    List<ShowRow> showRows = new ArrayList<>(events.size());
    for (TicketmasterEvent event : events.values()) {
      TicketmasterVenue venue = venueOf(event);
      StoredVenue stored = venue == null ? null : venues.get(venue.id());
      String timezone = stored == null ? null : stored.timezone();
      showRows.add(
          new ShowRow(
              event.id(),
              eventOwner.get(event.id()),
              venue == null ? null : venue.id(),
              stored == null ? null : stored.id(),
              event.name(),
              ShowTimes.startsAt(event, timezone),
              ShowTimes.localDate(event, timezone),
              event.status() == null ? null : event.status().toLowerCase(Locale.ROOT),
              event.url(),
              event.imageUrl(),
              cascading.contains(eventOwner.get(event.id())) ? now : null));
    }
    Map<String, UUID> showsWritten = shows.upsertShows(showRows);

    Set<String> venuesCounted = new HashSet<>();
    List<SyncResult> results = new ArrayList<>(fetched.size());
    for (Fetched<FetchedArtist> one : fetched) {
      SyncRequest request = one.request();
      FetchedArtist artist = one.value();
      List<SyncRequest> followUps = new ArrayList<>();
      long showCount = 0;
      long venueCount = 0;
      for (TicketmasterEvent event : artist.events()) {
        if (!request.entityId().equals(eventOwner.get(event.id()))) {
          continue;
        }
        UUID showId = showsWritten.get(event.id());
        if (showId != null) {
          showCount++;
          if (!request.skipDependencies()) {
            followUps.add(
                request.cascade(
                    EntityKind.SHOW,
                    showId,
                    null,
                    event.id(),
                    event.raw(),
                    artist.fetchedAt(),
                    producer,
                    now));
          }
        }
        TicketmasterVenue venue = venueOf(event);
        StoredVenue stored = venue == null ? null : venues.get(venue.id());
        if (stored == null || !venuesCounted.add(stored.ticketmasterId())) {
          continue;
        }
        if (stored.created()) {
          venueCount++;
        }
        boolean unknown = stored.created() || (!stored.synced() && stored.failed());
        if (unknown && !request.skipDependencies()) {
          followUps.add(
              request.cascade(
                  EntityKind.VENUE,
                  stored.id(),
                  null,
                  stored.ticketmasterId(),
                  venue.raw(),
                  artist.fetchedAt(),
                  producer,
                  clock.instant()));
        }
      }
      long songCount = songsWritten.getOrDefault(request.entityId(), 0L);
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("songs", songCount);
      counts.put("shows", showCount);
      counts.put("venues", venueCount);
      counts.put("events", (long) artist.events().size());
      counts.put("followUps", (long) followUps.size());
      counts.putAll(artist.notes());
      boolean changed =
          artistsChanged.contains(request.entityId())
              || songCount > 0
              || showCount > 0
              || venueCount > 0;
      results.add(
          new SyncResult.Completed(
              request, changed, counts, artist.spotifyId(), artist.ticketmasterId(), followUps));
    }
    return results;
  }

  private static List<ArtistRow> artistRows(List<Fetched<FetchedArtist>> fetched) {
    return fetched.stream()
        .map(
            one ->
                new ArtistRow(
                    one.request().entityId(),
                    one.value().ticketmasterId(),
                    one.value().name(),
                    one.value().spotify(),
                    one.value().tracks() == null ? null : one.value().tracks().source()))
        .toList();
  }

  /** A song on the top tracks of two artists of the poll goes to the first. */
  private static List<SongRow> songRows(List<Fetched<FetchedArtist>> fetched) {
    Map<String, SongRow> songs = new LinkedHashMap<>();
    for (Fetched<FetchedArtist> one : fetched) {
      if (one.value().tracks() == null) {
        continue;
      }
      for (SpotifyTrack track : one.value().tracks().tracks()) {
        if (track.id() != null && track.name() != null) {
          songs.putIfAbsent(track.id(), new SongRow(one.request().entityId(), track));
        }
      }
    }
    return List.copyOf(songs.values());
  }

  private static TicketmasterVenue venueOf(TicketmasterEvent event) {
    return event.venues().isEmpty() ? null : event.venues().get(0);
  }
}
