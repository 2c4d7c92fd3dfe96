package io.setsync.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** One upcoming event of an artist at a venue of the shared pool. */
record Event(
    int artistKey,
    int index,
    String id,
    String name,
    int venueIndex,
    LocalDate localDate,
    LocalTime localTime,
    Instant startsAt,
    String status) {

  private static final List<LocalTime> DOORS =
      List.of(LocalTime.of(19, 0), LocalTime.of(19, 30), LocalTime.of(20, 0), LocalTime.of(18, 30));

  static Event of(ArtistProfile artist, int index, String tourName, LocalDate today) {
    int key = artist.key();
    long seed = Seeds.of(key, 30, index);
    int count = Math.max(1, artist.eventCount());
    LocalDate date = today.plusDays(3L + index * 360L / count + Seeds.between(seed, 0, 2));
    LocalTime time = Seeds.pick(Seeds.of(seed, 1), DOORS);
    int venueIndex = (int) Long.remainderUnsigned(Seeds.of(seed, 2), Venue.COUNT);
    City city = City.ALL.get(venueIndex % City.ALL.size());
    Instant startsAt = date.atTime(time).atZone(ZoneId.of(city.timezone())).toInstant();
    int statusRoll = Seeds.between(Seeds.of(seed, 3), 0, 49);
    String status =
        switch (statusRoll) {
          case 0 -> "cancelled";
          case 1 -> "postponed";
          case 2 -> "rescheduled";
          default -> "onsale";
        };
    String name = tourName == null ? artist.name() : artist.name() + " | " + tourName;
    return new Event(
        key, index, CatalogIds.event(key, index), name, venueIndex, date, time, startsAt, status);
  }
}
