package io.setsync.worker.artist.sync;

import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import io.setsync.upstream.ticketmaster.TicketmasterVenue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a show starts, read the way show-sync-worker reads it (so that a sync by either worker
 * writes the same values and neither sees a change the other made): the local date and time in the
 * event's time zone (else its venue's, else the stored venue's) when all are known, else
 * Ticketmaster's UTC start; the local date as Ticketmaster gives it, else the UTC start seen from
 * that zone.
 */
final class ShowTimes {

  private ShowTimes() {}

  static Instant startsAt(TicketmasterEvent event, String storedVenueTimezone) {
    ZoneId zone = zone(event, storedVenueTimezone);
    if (event.localDate() != null && event.localTime() != null && zone != null) {
      return event.localDate().atTime(event.localTime()).atZone(zone).toInstant();
    }
    return event.startsAt();
  }

  static LocalDate localDate(TicketmasterEvent event, String storedVenueTimezone) {
    if (event.localDate() != null) {
      return event.localDate();
    }
    ZoneId zone = zone(event, storedVenueTimezone);
    return event.startsAt() != null && zone != null
        ? event.startsAt().atZone(zone).toLocalDate()
        : null;
  }

  private static ZoneId zone(TicketmasterEvent event, String storedVenueTimezone) {
    ZoneId zone = parse(event.timezone());
    if (zone == null && !event.venues().isEmpty()) {
      TicketmasterVenue venue = event.venues().get(0);
      zone = parse(venue.timezone());
    }
    return zone != null ? zone : parse(storedVenueTimezone);
  }

  private static ZoneId parse(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
