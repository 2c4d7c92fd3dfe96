package io.setsync.upstream.ticketmaster;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps Discovery v2 JSON onto the client's records, tolerating absent fields. */
final class TicketmasterJson {

  private final JsonMapper mapper;

  TicketmasterJson(JsonMapper mapper) {
    this.mapper = mapper;
  }

  TicketmasterEvent event(JsonNode node) {
    return event(node, mapper.writeValueAsString(node));
  }

  /** The event of {@code node}, whose JSON text the caller already holds as {@code raw}. */
  TicketmasterEvent event(JsonNode node, String raw) {
    JsonNode dates = node.path("dates");
    JsonNode start = dates.path("start");
    List<TicketmasterVenue> venues = new ArrayList<>();
    node.path("_embedded").path("venues").forEach(venue -> venues.add(venue(venue)));
    List<TicketmasterAttraction> attractions = new ArrayList<>();
    node.path("_embedded")
        .path("attractions")
        .forEach(attraction -> attractions.add(attraction(attraction)));
    return new TicketmasterEvent(
        text(node, "id"),
        text(node, "name"),
        text(node, "url"),
        parse(text(start, "dateTime"), Instant::parse),
        parse(text(start, "localDate"), LocalDate::parse),
        parse(text(start, "localTime"), LocalTime::parse),
        text(dates, "timezone"),
        text(dates.path("status"), "code"),
        image(node),
        venues,
        attractions,
        raw);
  }

  TicketmasterVenue venue(JsonNode node) {
    JsonNode location = node.path("location");
    return new TicketmasterVenue(
        text(node, "id"),
        text(node, "name"),
        text(node, "url"),
        text(node.path("city"), "name"),
        text(node.path("state"), "name"),
        text(node.path("state"), "stateCode"),
        text(node.path("country"), "name"),
        text(node.path("country"), "countryCode"),
        text(node.path("address"), "line1"),
        text(node, "postalCode"),
        parse(text(location, "latitude"), Double::valueOf),
        parse(text(location, "longitude"), Double::valueOf),
        text(node, "timezone"),
        image(node),
        mapper.writeValueAsString(node));
  }

  TicketmasterAttraction attraction(JsonNode node) {
    Set<String> genres = new LinkedHashSet<>();
    node.path("classifications")
        .forEach(
            classification -> {
              String genre = text(classification.path("genre"), "name");
              if (genre != null && !genre.equals("Undefined")) {
                genres.add(genre);
              }
            });
    JsonNode upcoming = node.path("upcomingEvents").get("_total");
    return new TicketmasterAttraction(
        text(node, "id"),
        text(node, "name"),
        text(node, "url"),
        image(node),
        List.copyOf(genres),
        upcoming == null || upcoming.isNull() ? null : upcoming.asInt(),
        spotifyId(node.path("externalLinks").path("spotify")));
  }

  /** The widest 16:9 image, else the widest of any ratio. */
  private static String image(JsonNode node) {
    String best = null;
    int bestWidth = -1;
    boolean bestWide = false;
    for (JsonNode image : node.path("images")) {
      boolean wide = "16_9".equals(text(image, "ratio"));
      int width = image.path("width").asInt(0);
      if ((wide && !bestWide) || (wide == bestWide && width > bestWidth)) {
        best = text(image, "url");
        bestWidth = width;
        bestWide = wide;
      }
    }
    return best;
  }

  private static String spotifyId(JsonNode links) {
    for (JsonNode link : links) {
      String url = text(link, "url");
      if (url == null) {
        continue;
      }
      try {
        String path = URI.create(url.trim()).getPath();
        if (path != null && path.startsWith("/artist/")) {
          return path.substring("/artist/".length());
        }
      } catch (IllegalArgumentException ignored) {
        // not a URL we can read: look at the next link
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static <T> T parse(String text, java.util.function.Function<String, T> parser) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return parser.apply(text.trim());
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }
}
