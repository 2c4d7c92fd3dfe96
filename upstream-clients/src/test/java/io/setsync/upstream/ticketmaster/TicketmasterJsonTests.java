package io.setsync.upstream.ticketmaster;

import static io.setsync.upstream.JsonShape.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TicketmasterJsonTests {

  private final TicketmasterJson json = new TicketmasterJson(JsonMapper.builder().build());

  @Test
  void readsTheDocumentedEventWithItsEmbeddedVenueAndAttraction() {
    TicketmasterEvent event = json.event(fixture("ticketmaster/event.json"));

    assertThat(event.id()).isEqualTo("G5diZfkn0B-bh");
    assertThat(event.name()).isEqualTo("Radiohead");
    assertThat(event.startsAt()).isEqualTo(Instant.parse("2016-07-27T23:30:00Z"));
    assertThat(event.localDate()).isEqualTo(LocalDate.of(2016, 7, 27));
    assertThat(event.localTime()).isEqualTo(LocalTime.of(19, 30));
    assertThat(event.timezone()).isEqualTo("America/New_York");
    assertThat(event.status()).isEqualTo("onsale");
    assertThat(event.imageUrl()).endsWith("_RETINA_LANDSCAPE_16_9.jpg");
    assertThat(event.venueIds()).containsExactly("KovZpZA7AAEA");
    assertThat(event.attractionIds()).containsExactly("K8vZ91713wV");
    assertThat(event.attractions().get(0).genres()).containsExactly("Rock");
    assertThat(json.event(JsonMapper.builder().build().readTree(event.raw()))).isEqualTo(event);
  }

  @Test
  void readsTheDocumentedVenue() {
    TicketmasterVenue venue = json.venue(fixture("ticketmaster/venue.json"));

    assertThat(venue)
        .usingRecursiveComparison()
        .ignoringFields("raw")
        .isEqualTo(
            new TicketmasterVenue(
                "KovZpZA7AAEA",
                "Madison Square Garden",
                "http://ticketmaster.com/venue/483329",
                "New York",
                "New York",
                "NY",
                "United States Of America",
                "US",
                "7th Ave & 32nd Street",
                "10001",
                40.7497062,
                -73.9916006,
                "America/New_York",
                null,
                null));
  }

  @Test
  void readsAnEventWhoseTimeIsNotKnownYet() {
    JsonNode page = fixture("ticketmaster/events-page.json");
    tools.jackson.databind.node.ObjectNode start =
        (tools.jackson.databind.node.ObjectNode)
            page.get("_embedded").get("events").get(0).get("dates").get("start");
    start.remove(List.of("dateTime", "localTime"));
    start.put("timeTBA", true);

    TicketmasterEvent event = json.event(page.get("_embedded").get("events").get(0));

    assertThat(event.startsAt()).isNull();
    assertThat(event.localTime()).isNull();
    assertThat(event.localDate()).isEqualTo(LocalDate.of(2016, 7, 27));
  }

  @Test
  void takesTheSpotifyIdFromAnAttractionsExternalLinks() {
    tools.jackson.databind.node.ObjectNode node =
        (tools.jackson.databind.node.ObjectNode) fixture("ticketmaster/attraction.json");
    node.putObject("externalLinks")
        .putArray("spotify")
        .addObject()
        .put("url", "https://open.spotify.com/artist/4Z8W4fKeB5YxbusRsdQVPb?si=x");
    node.putObject("upcomingEvents").put("_total", 12);

    TicketmasterAttraction attraction = json.attraction(node);

    assertThat(attraction.spotifyId()).isEqualTo("4Z8W4fKeB5YxbusRsdQVPb");
    assertThat(attraction.upcomingEvents()).isEqualTo(12);
    assertThat(attraction.name()).isEqualTo("!!!");
  }
}
