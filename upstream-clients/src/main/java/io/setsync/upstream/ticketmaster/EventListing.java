package io.setsync.upstream.ticketmaster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every event of a query, past Discovery's paging cap ({@code page * size < 1000}): pages are
 * read in date order, and when a window holds more than 1,000 events the next window starts at the
 * start time of the last event read. Events read twice at a window's edge are kept once.
 */
final class EventListing {

  /** One page of a date-ordered event search. */
  record Page(List<TicketmasterEvent> events, int totalElements, int totalPages) {}

  /**
   * Reads page {@code page} of the events starting in {@code [from, to)}; {@code to} may be null.
   */
  interface PageSource {
    Page fetch(Instant from, Instant to, int page, int size);
  }

  static final int MAX_DEPTH = 1000;
  private static final int MAX_WINDOWS = 200;
  private static final Logger log = LoggerFactory.getLogger(EventListing.class);

  private final PageSource source;
  private final int size;

  EventListing(PageSource source, int size) {
    this.source = source;
    this.size = size;
  }

  List<TicketmasterEvent> all(Instant from, Instant to) {
    Map<String, TicketmasterEvent> events = new LinkedHashMap<>();
    Instant windowStart = from;
    for (int window = 0; window < MAX_WINDOWS; window++) {
      int total = 0;
      int read = 0;
      Instant lastStart = null;
      for (int page = 0; (long) page * size < MAX_DEPTH; page++) {
        Page result = source.fetch(windowStart, to, page, size);
        total = result.totalElements();
        read += result.events().size();
        for (TicketmasterEvent event : result.events()) {
          events.putIfAbsent(event.id(), event);
          if (event.startsAt() != null) {
            lastStart = event.startsAt();
          }
        }
        if (result.events().isEmpty() || page + 1 >= result.totalPages()) {
          break;
        }
      }
      if (read >= total) {
        return List.copyOf(events.values());
      }
      if (lastStart == null || !lastStart.isAfter(windowStart)) {
        // Over 1,000 events start at the same second: step past it rather than loop forever.
        log.warn("More than {} events start at {}; some are skipped", MAX_DEPTH, windowStart);
        windowStart = windowStart.plusSeconds(1);
      } else {
        windowStart = lastStart;
      }
    }
    log.warn("Stopped listing events after {} windows at {}", MAX_WINDOWS, windowStart);
    return List.copyOf(events.values());
  }
}
