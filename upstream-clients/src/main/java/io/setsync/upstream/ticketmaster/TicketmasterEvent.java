package io.setsync.upstream.ticketmaster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A Ticketmaster event with the venues and attractions embedded in it. {@code startsAt} is null
 * when the time is not known yet (TBA/TBD); {@code status} is Ticketmaster's code ("onsale",
 * "offsale", "cancelled", "postponed", "rescheduled"). {@code raw} is the event's JSON as sent, to
 * hand on as a {@code snapshot}; read it back with {@link TicketmasterClient#eventFromSnapshot}.
 */
public record TicketmasterEvent(
    String id,
    String name,
    String url,
    Instant startsAt,
    LocalDate localDate,
    LocalTime localTime,
    String timezone,
    String status,
    String imageUrl,
    List<TicketmasterVenue> venues,
    List<TicketmasterAttraction> attractions,
    String raw) {

  public TicketmasterEvent {
    venues = venues == null ? List.of() : List.copyOf(venues);
    attractions = attractions == null ? List.of() : List.copyOf(attractions);
  }

  public List<String> venueIds() {
    return venues.stream().map(TicketmasterVenue::id).toList();
  }

  public List<String> attractionIds() {
    return attractions.stream().map(TicketmasterAttraction::id).toList();
  }

  @Override
  public String toString() {
    return "TicketmasterEvent[id="
        + id
        + ", name="
        + name
        + ", startsAt="
        + startsAt
        + ", venues="
        + venueIds()
        + "]";
  }
}
