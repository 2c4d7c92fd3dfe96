package io.setsync.worker.artist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.upstream.ticketmaster.TicketmasterEvent;
import io.setsync.upstream.ticketmaster.TicketmasterVenue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowTimesTests {

  private static final LocalDate DAY = LocalDate.of(2027, 3, 14);

  @Test
  void readsTheLocalTimeInTheEventsTimeZone() {
    TicketmasterEvent event =
        event(LocalTime.of(20, 0), Instant.parse("2027-03-15T00:00:00Z"), "America/New_York", null);

    assertThat(ShowTimes.startsAt(event, "Europe/Berlin"))
        .isEqualTo(Instant.parse("2027-03-15T00:00:00Z"));
    assertThat(ShowTimes.localDate(event, null)).isEqualTo(DAY);
  }

  @Test
  void fallsBackToTheVenuesZoneThenTheStoredOne() {
    TicketmasterEvent embedded = event(LocalTime.of(20, 0), null, null, "Europe/Berlin");
    TicketmasterEvent stored = event(LocalTime.of(20, 0), null, null, null);

    assertThat(ShowTimes.startsAt(embedded, null)).isEqualTo(Instant.parse("2027-03-14T19:00:00Z"));
    assertThat(ShowTimes.startsAt(stored, "Europe/London"))
        .isEqualTo(Instant.parse("2027-03-14T20:00:00Z"));
  }

  @Test
  void usesTicketmastersUtcStartWithoutALocalTimeOrZone() {
    Instant utc = Instant.parse("2027-03-14T23:30:00Z");

    assertThat(ShowTimes.startsAt(event(null, utc, "America/Chicago", null), null)).isEqualTo(utc);
    assertThat(ShowTimes.startsAt(event(LocalTime.NOON, utc, "Not/AZone", null), null))
        .isEqualTo(utc);
  }

  private static TicketmasterEvent event(
      LocalTime localTime, Instant utc, String eventZone, String venueZone) {
    TicketmasterVenue venue =
        new TicketmasterVenue(
            "KovZ00000001",
            "Hall",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            venueZone,
            null,
            "{}");
    return new TicketmasterEvent(
        "vvG1000000001",
        "Show",
        null,
        utc,
        DAY,
        localTime,
        eventZone,
        "onsale",
        null,
        List.of(venue),
        List.of(),
        "{}");
  }
}
