package io.setsync.upstream.ticketmaster;

import java.util.List;

/**
 * A Ticketmaster attraction (artist). {@code spotifyId} is taken from the attraction's external
 * links when Ticketmaster has one, else null; {@code upcomingEvents} is null when not given.
 */
public record TicketmasterAttraction(
    String id,
    String name,
    String url,
    String imageUrl,
    List<String> genres,
    Integer upcomingEvents,
    String spotifyId) {

  public TicketmasterAttraction {
    genres = genres == null ? List.of() : List.copyOf(genres);
  }
}
