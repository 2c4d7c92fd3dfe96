package io.setsync.worker.venue.link;

import io.setsync.upstream.ticketmaster.TicketmasterVenue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Every field of a Ticketmaster venue that {@code venues} stores (contract section 6). {@code
 * state} and {@code country} are the codes ({@code NY}, {@code US}) where Ticketmaster gives them,
 * else the names.
 */
record VenueDetails(
    String ticketmasterId,
    String name,
    String city,
    String state,
    String country,
    String address,
    String postalCode,
    BigDecimal latitude,
    BigDecimal longitude,
    String timezone,
    String url,
    String imageUrl) {

  VenueDetails {
    Objects.requireNonNull(ticketmasterId, "ticketmasterId");
  }

  static VenueDetails of(TicketmasterVenue venue) {
    return new VenueDetails(
        venue.id(),
        venue.name(),
        venue.city(),
        firstOf(venue.stateCode(), venue.state()),
        firstOf(venue.countryCode(), venue.country()),
        venue.address(),
        venue.postalCode(),
        coordinate(venue.latitude(), 90),
        coordinate(venue.longitude(), 180),
        venue.timezone(),
        venue.url(),
        venue.imageUrl());
  }

  // numeric(9, 6) in the table; out of range is as good as unknown.
  private static BigDecimal coordinate(Double value, int max) {
    if (value == null || value.isNaN() || Math.abs(value) > max) {
      return null;
    }
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
  }

  private static String firstOf(String preferred, String fallback) {
    return preferred != null && !preferred.isBlank() ? preferred : fallback;
  }
}
