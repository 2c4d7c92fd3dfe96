package io.setsync.upstream.ticketmaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventListingTests {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** A Discovery search over a fixed list of events, with its paging cap. */
  private static final class FakeDiscovery implements EventListing.PageSource {
    private final List<TicketmasterEvent> events;
    private final List<String> calls = new ArrayList<>();

    FakeDiscovery(List<TicketmasterEvent> events) {
      this.events =
          events.stream()
              .sorted(
                  Comparator.comparing(TicketmasterEvent::startsAt)
                      .thenComparing(TicketmasterEvent::id))
              .toList();
    }

    @Override
    public EventListing.Page fetch(Instant from, Instant to, int page, int size) {
      assertThat((long) page * size).isLessThan(EventListing.MAX_DEPTH);
      calls.add(from + "#" + page);
      List<TicketmasterEvent> matching =
          events.stream()
              .filter(
                  e -> !e.startsAt().isBefore(from) && (to == null || e.startsAt().isBefore(to)))
              .toList();
      int start = Math.min(matching.size(), page * size);
      int end = Math.min(Math.min(matching.size(), start + size), EventListing.MAX_DEPTH);
      return new EventListing.Page(
          matching.subList(start, end), matching.size(), (matching.size() + size - 1) / size);
    }
  }

  @Test
  void readsASmallListInOneCall() {
    FakeDiscovery discovery = new FakeDiscovery(events(30, 3600));

    List<TicketmasterEvent> listed = new EventListing(discovery, 200).all(NOW, null);

    assertThat(listed).hasSize(30);
    assertThat(discovery.calls).hasSize(1);
  }

  @Test
  void readsPastTheThousandthEventInFurtherDateWindows() {
    FakeDiscovery discovery = new FakeDiscovery(events(2500, 600));

    List<TicketmasterEvent> listed = new EventListing(discovery, 200).all(NOW, null);

    assertThat(listed).hasSize(2500);
    assertThat(listed).extracting(TicketmasterEvent::id).doesNotHaveDuplicates();
    assertThat(listed).isSortedAccordingTo(Comparator.comparing(TicketmasterEvent::startsAt));
  }

  @Test
  void keepsEventsThatShareTheStartOfTheNextWindowOnce() {
    // Pairs of events share a start time, so every window boundary falls inside a pair.
    List<TicketmasterEvent> events = new ArrayList<>();
    for (int i = 0; i < 1300; i++) {
      events.add(event("e" + i, NOW.plusSeconds(60L * (i / 2))));
    }
    FakeDiscovery discovery = new FakeDiscovery(events);

    List<TicketmasterEvent> listed = new EventListing(discovery, 100).all(NOW, null);

    assertThat(listed).hasSize(1300);
  }

  @Test
  void stepsPastMoreThanAThousandEventsAtTheSameSecondInsteadOfLooping() {
    List<TicketmasterEvent> events = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      events.add(event("same" + i, NOW));
    }
    events.add(event("later", NOW.plusSeconds(3600)));
    FakeDiscovery discovery = new FakeDiscovery(events);

    List<TicketmasterEvent> listed = new EventListing(discovery, 200).all(NOW, null);

    assertThat(listed).hasSize(1001);
    assertThat(listed).extracting(TicketmasterEvent::id).contains("later");
  }

  private static List<TicketmasterEvent> events(int count, long secondsApart) {
    List<TicketmasterEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(event("e" + i, NOW.plusSeconds(secondsApart * i)));
    }
    return events;
  }

  private static TicketmasterEvent event(String id, Instant startsAt) {
    return new TicketmasterEvent(
        id, id, null, startsAt, null, null, null, "onsale", null, List.of(), List.of(), "{}");
  }
}
