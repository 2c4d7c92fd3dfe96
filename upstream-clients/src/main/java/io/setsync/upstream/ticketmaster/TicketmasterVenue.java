package io.setsync.upstream.ticketmaster;

/**
 * A Ticketmaster venue. {@code raw} is the venue's JSON as Ticketmaster sent it, to hand on as a
 * {@code snapshot}; read it back with {@link TicketmasterClient#venueFromSnapshot}.
 */
public record TicketmasterVenue(
    String id,
    String name,
    String url,
    String city,
    String state,
    String stateCode,
    String country,
    String countryCode,
    String address,
    String postalCode,
    Double latitude,
    Double longitude,
    String timezone,
    String imageUrl,
    String raw) {

  @Override
  public String toString() {
    return "TicketmasterVenue[id=" + id + ", name=" + name + ", city=" + city + "]";
  }
}
