package io.setsync.simulator;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ticketmaster Discovery v2 objects (event, venue, attraction) as the Discovery API shapes them.
 */
final class TicketmasterDocuments {

  static final String PATH = "/discovery/v2";
  private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Catalog catalog;
  private final BoundedCache<String, byte[]> events = new BoundedCache<>(10_000);
  private final BoundedCache<Integer, byte[]> venues = new BoundedCache<>(Venue.COUNT + 1);
  private final BoundedCache<Integer, byte[]> attractions = new BoundedCache<>(20_000);
  // Entities asked for by ids the catalog did not issue: apart, so that a client's churn of such
  // ids cannot empty the caches above.
  private final BoundedCache<Alias, byte[]> aliased = new BoundedCache<>(2_000);

  /** An entity under the ids a client asked by; {@code attractionId} is an event's, else null. */
  private record Alias(String type, String id, String attractionId) {}

  TicketmasterDocuments(Catalog catalog) {
    this.catalog = catalog;
  }

  byte[] attraction(ArtistProfile artist) {
    return attraction(artist, artist.attractionId());
  }

  /** The artist's attraction under {@code id}. */
  byte[] attraction(ArtistProfile artist, String id) {
    if (id.equals(artist.attractionId())) {
      return attractions.get(artist.key(), k -> Json.bytes(attractionNode(artist, id)));
    }
    return aliased.get(
        new Alias("attraction", id, null), k -> Json.bytes(attractionNode(artist, id)));
  }

  byte[] venue(Venue venue) {
    return venue(venue, venue.id());
  }

  /** The venue under {@code id}. */
  byte[] venue(Venue venue, String id) {
    if (id.equals(venue.id())) {
      return venues.get(venue.index(), k -> Json.bytes(venueNode(venue, id)));
    }
    return aliased.get(new Alias("venue", id, null), k -> Json.bytes(venueNode(venue, id)));
  }

  /** The event under {@code id}, with its attraction under {@code attractionId}. */
  byte[] event(Event event, String id, String attractionId) {
    if (id.equals(event.id())
        && attractionId.equals(catalog.artist(event.artistKey()).attractionId())) {
      return events.get(id, k -> Json.bytes(eventNode(event, id, attractionId)));
    }
    return aliased.get(
        new Alias("event", id, attractionId), k -> Json.bytes(eventNode(event, id, attractionId)));
  }

  private ObjectNode eventNode(Event event, String id, String attractionId) {
    ArtistProfile artist = catalog.artist(event.artistKey());
    Venue venue = catalog.venue(event.venueIndex());
    ObjectNode node = common(event.name(), "event", id);
    node.put("url", "https://www.ticketmaster.com/event/" + id);
    node.put("locale", "en-us");
    node.set("images", images(Seeds.of(artist.key(), 60)));
    ObjectNode sales = node.putObject("sales").putObject("public");
    sales.put("startDateTime", UTC_SECONDS.format(event.startsAt().minus(Duration.ofDays(90))));
    sales.put("startTBD", false);
    sales.put("startTBA", false);
    sales.put("endDateTime", UTC_SECONDS.format(event.startsAt()));
    ObjectNode dates = node.putObject("dates");
    ObjectNode start = dates.putObject("start");
    start.put("localDate", event.localDate().toString());
    start.put("localTime", LOCAL_TIME.format(event.localTime()));
    start.put("dateTime", UTC_SECONDS.format(event.startsAt()));
    start.put("dateTBD", false);
    start.put("dateTBA", false);
    start.put("timeTBA", false);
    start.put("noSpecificTime", false);
    dates.put("timezone", venue.city().timezone());
    dates.putObject("status").put("code", event.status());
    dates.put("spanMultipleDays", false);
    node.set("classifications", classifications(artist.genre()));
    ObjectNode price = node.putArray("priceRanges").addObject();
    int min = 25 + Seeds.between(Seeds.of(event.artistKey(), 61, event.index()), 0, 60);
    price.put("type", "standard");
    price.put("currency", "USD");
    price.put("min", (double) min);
    price.put("max", (double) (min * 3));
    ObjectNode links = node.putObject("_links");
    links.putObject("self").put("href", PATH + "/events/" + id + "?locale=en-us");
    links.putArray("attractions").addObject().put("href", attractionHref(attractionId));
    links.putArray("venues").addObject().put("href", venueHref(venue.id()));
    ObjectNode embedded = node.putObject("_embedded");
    embedded.putArray("venues").addRawValue(Json.raw(venue(venue)));
    embedded.putArray("attractions").addRawValue(Json.raw(attraction(artist, attractionId)));
    return node;
  }

  private ObjectNode venueNode(Venue venue, String id) {
    City city = venue.city();
    ObjectNode node = common(venue.name(), "venue", id);
    node.put(
        "url",
        "https://www.ticketmaster.com/"
            + slug(venue.name())
            + "-tickets-"
            + slug(city.name())
            + "/venue/"
            + (400_000 + venue.index()));
    node.put("locale", "en-us");
    node.put("postalCode", city.postalCode());
    node.put("timezone", city.timezone());
    node.putObject("city").put("name", city.name());
    if (city.stateCode() != null) {
      ObjectNode state = node.putObject("state");
      state.put("name", city.stateName());
      state.put("stateCode", city.stateCode());
    }
    ObjectNode country = node.putObject("country");
    country.put("name", city.countryName());
    country.put("countryCode", city.countryCode());
    node.putObject("address").put("line1", venue.address());
    ObjectNode location = node.putObject("location");
    location.put("longitude", String.format(Locale.ROOT, "%.8f", venue.longitude()));
    location.put("latitude", String.format(Locale.ROOT, "%.8f", venue.latitude()));
    node.putArray("markets").addObject().put("id", String.valueOf(venue.index() % 120 + 1));
    node.putArray("dmas").addObject().put("id", 200 + venue.index() % 400);
    node.putObject("_links").putObject("self").put("href", venueHref(id));
    return node;
  }

  private ObjectNode attractionNode(ArtistProfile artist, String id) {
    ObjectNode node = common(artist.name(), "attraction", id);
    node.put(
        "url",
        "https://www.ticketmaster.com/"
            + slug(artist.name())
            + "-tickets/artist/"
            + (700_000 + artist.key()));
    node.put("locale", "en-us");
    ObjectNode links = node.putObject("externalLinks");
    links
        .putArray("spotify")
        .addObject()
        .put("url", "https://open.spotify.com/artist/" + artist.spotifyId());
    links
        .putArray("homepage")
        .addObject()
        .put("url", "https://www." + slug(artist.name()).replace("-", "") + ".com/");
    node.putArray("aliases").add(artist.name().toLowerCase(Locale.ROOT));
    node.set("images", images(Seeds.of(artist.key(), 60)));
    node.set("classifications", classifications(artist.genre()));
    ObjectNode upcoming = node.putObject("upcomingEvents");
    upcoming.put("_total", artist.eventCount());
    upcoming.put("ticketmaster", artist.eventCount());
    upcoming.put("_filtered", 0);
    node.putObject("_links").putObject("self").put("href", attractionHref(id));
    return node;
  }

  private static ObjectNode common(String name, String type, String id) {
    ObjectNode node = Json.object();
    node.put("name", name);
    node.put("type", type);
    node.put("id", id);
    node.put("test", false);
    return node;
  }

  private static ArrayNode classifications(Genre genre) {
    ArrayNode classifications = Json.array();
    ObjectNode music = classifications.addObject();
    music.put("primary", true);
    ObjectNode segment = music.putObject("segment");
    segment.put("id", Genre.MUSIC_SEGMENT_ID);
    segment.put("name", "Music");
    ObjectNode genreNode = music.putObject("genre");
    genreNode.put("id", genre.genreId());
    genreNode.put("name", genre.genreName());
    ObjectNode subGenre = music.putObject("subGenre");
    subGenre.put("id", genre.subGenreId());
    subGenre.put("name", genre.subGenreName());
    music.put("family", false);
    return classifications;
  }

  private static ArrayNode images(long seed) {
    String asset =
        String.format(
            "%03x/%08x-%04x-%04x-%04x-%012x",
            seed & 0xfff,
            (int) (seed >>> 32),
            (int) (seed >>> 16) & 0xffff,
            (int) seed & 0xffff,
            (int) (seed >>> 48) & 0xffff,
            Seeds.mix(seed) & 0xffffffffffffL);
    ArrayNode images = Json.array();
    image(images, "16_9", asset + "_RETINA_LANDSCAPE_16_9.jpg", 1136, 639);
    image(images, "3_2", asset + "_RETINA_PORTRAIT_3_2.jpg", 640, 427);
    image(images, "16_9", asset + "_EVENT_DETAIL_PAGE_16_9.jpg", 205, 115);
    return images;
  }

  private static void image(ArrayNode images, String ratio, String file, int width, int height) {
    ObjectNode image = images.addObject();
    image.put("ratio", ratio);
    image.put("url", "https://s1.ticketm.net/dam/a/" + file);
    image.put("width", width);
    image.put("height", height);
    image.put("fallback", false);
  }

  private static String attractionHref(String id) {
    return PATH + "/attractions/" + id + "?locale=en-us";
  }

  private static String venueHref(String id) {
    return PATH + "/venues/" + id + "?locale=en-us";
  }

  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
