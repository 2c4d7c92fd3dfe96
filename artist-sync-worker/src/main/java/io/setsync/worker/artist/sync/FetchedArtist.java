package io.setsync.worker.artist.sync;

import io.setsync.upstream.spotify.ArtistTracks;
import io.setsync.upstream.spotify.SpotifyArtist;
import io.setsync.upstream.ticketmaster.TicketmasterAttraction;
import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the upstreams said about one artist.
 *
 * @param spotify the Spotify artist, or null when no Spotify id could be resolved
 * @param tracks its songs (top tracks or the Development Mode fallback), or null without Spotify
 * @param attraction the Ticketmaster attraction when it was read (a request by Ticketmaster id)
 * @param ticketmasterId the attraction id, given or resolved by name, or null
 * @param events the attraction's upcoming events
 * @param notes what the outcome should say beyond the rows written, e.g. an ambiguous name match
 */
record FetchedArtist(
    SpotifyArtist spotify,
    ArtistTracks tracks,
    TicketmasterAttraction attraction,
    String ticketmasterId,
    List<TicketmasterEvent> events,
    Instant fetchedAt,
    Map<String, Long> notes) {

  FetchedArtist {
    events = List.copyOf(events);
    notes = Map.copyOf(notes);
  }

  String spotifyId() {
    return spotify == null ? null : spotify.id();
  }

  String name() {
    if (spotify != null && spotify.name() != null) {
      return spotify.name();
    }
    return attraction == null ? null : attraction.name();
  }
}
