package io.setsync.worker.show.sync;

import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import io.setsync.upstream.ticketmaster.TicketmasterVenue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the show worker reads from one Ticketmaster Discovery event.
 *
 * @param localTime null when Ticketmaster has no time (TBA, no specific time)
 * @param dateTime the start in UTC as Ticketmaster computed it, or null
 * @param timezone the event's time zone ({@code dates.timezone}, else its venue's), or null
 * @param status Ticketmaster's {@code dates.status.code} in lower case: {@code onsale}, {@code
 *     offsale}, {@code cancelled}, {@code postponed}, {@code rescheduled}
 * @param venueSnapshot the embedded venue as JSON, handed on when the venue is asked for
 * @param attractions the performers, headliner first
 */
record ShowEvent(
    String ticketmasterId,
    String name,
    LocalDate localDate,
    LocalTime localTime,
    Instant dateTime,
    String timezone,
    String status,
    String url,
    String imageUrl,
    String venueTicketmasterId,
    String venueSnapshot,
    List<Attraction> attractions) {

  record Attraction(String ticketmasterId, String name) {}

  ShowEvent {
    Objects.requireNonNull(ticketmasterId, "ticketmasterId");
    attractions = List.copyOf(attractions);
  }

  static ShowEvent of(TicketmasterEvent event) {
    TicketmasterVenue venue = event.venues().isEmpty() ? null : event.venues().get(0);
    String timezone = event.timezone();
    if ((timezone == null || timezone.isBlank()) && venue != null) {
      timezone = venue.timezone();
    }
    return new ShowEvent(
        event.id(),
        event.name(),
        event.localDate(),
        event.localTime(),
        event.startsAt(),
        timezone,
        event.status() == null ? null : event.status().toLowerCase(Locale.ROOT),
        event.url(),
        event.imageUrl(),
        venue == null ? null : venue.id(),
        venue == null ? null : venue.raw(),
        event.attractions().stream()
            .filter(attraction -> attraction.id() != null)
            .map(attraction -> new Attraction(attraction.id(), attraction.name()))
            .toList());
  }

  /**
   * The start: the local date and time in the venue's time zone when all three are known (the
   * event's or, failing that, the stored venue's zone), else Ticketmaster's UTC {@code dateTime}.
   */
  Instant startsAt(String storedVenueTimezone) {
    ZoneId zone = zone(storedVenueTimezone);
    if (localDate != null && localTime != null && zone != null) {
      return localDate.atTime(localTime).atZone(zone).toInstant();
    }
    return dateTime;
  }

  /** The date at the venue: Ticketmaster's local date, else the UTC start seen from the venue. */
  LocalDate localDate(String storedVenueTimezone) {
    if (localDate != null) {
      return localDate;
    }
    ZoneId zone = zone(storedVenueTimezone);
    return dateTime != null && zone != null ? dateTime.atZone(zone).toLocalDate() : null;
  }

  private ZoneId zone(String storedVenueTimezone) {
    ZoneId zone = parseZone(timezone);
    return zone != null ? zone : parseZone(storedVenueTimezone);
  }

  private static ZoneId parseZone(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return null; // an unknown zone name is as good as none: fall back to the UTC start
    }
  }
}
