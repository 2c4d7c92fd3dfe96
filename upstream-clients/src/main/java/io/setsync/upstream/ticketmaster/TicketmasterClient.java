package io.setsync.upstream.ticketmaster;

import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.http.UpstreamHttp;
import io.setsync.upstream.http.UpstreamResponse;
import io.setsync.upstream.http.UpstreamUri;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticketmaster Discovery v2 with an API key, paced to the key's quota (5 requests a second by
 * default). Every method throws {@link UpstreamException} on failure, after the configured retries.
 */
public final class TicketmasterClient {

  private static final String PATH = "/discovery/v2";
  // The ids sync-api accepts. A '.' cannot make a dot-segment: ".json" follows in the segment.
  private static final Pattern ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");
  private static final int SEARCH_SIZE = 20;
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final TicketmasterSettings settings;
  private final UpstreamHttp http;
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final TicketmasterJson json = new TicketmasterJson(mapper);
  private final EventsPageReader eventsPages = new EventsPageReader(mapper, json);
  private final Clock clock;

  public TicketmasterClient(TicketmasterSettings settings, MeterRegistry registry) {
    this.settings = settings;
    this.clock = Clock.systemUTC();
    this.http =
        new UpstreamHttp(
            "ticketmaster",
            settings.connectTimeout(),
            settings.readTimeout(),
            settings.retry(),
            settings.rateLimit(),
            settings.etagCacheSize(),
            new ApiKey(settings.apiKey()),
            registry);
  }

  /**
   * Every upcoming event of the attraction, in start order, across all pages and past the
   * 1,000-result paging cap.
   */
  public List<TicketmasterEvent> eventsOfAttraction(String attractionId) {
    requireId(attractionId, "events");
    Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant to = settings.eventHorizon() == null ? null : from.plus(settings.eventHorizon());
    EventListing listing =
        new EventListing(
            (windowFrom, windowTo, page, size) ->
                eventsPage(attractionId, windowFrom, windowTo, page, size),
            settings.pageSize());
    return listing.all(from, to);
  }

  /** {@code GET /discovery/v2/events/{id}.json}. */
  public TicketmasterEvent event(String id) {
    return json.event(read(http.getConditional("event", entityUri("events", id, "event"))));
  }

  /** Like {@link #event} but empty when unchanged since the last call (304). */
  public Optional<TicketmasterEvent> eventIfChanged(String id) {
    UpstreamResponse response = http.getConditional("event", entityUri("events", id, "event"));
    return response.notModified() ? Optional.empty() : Optional.of(json.event(read(response)));
  }

  /** {@code GET /discovery/v2/venues/{id}.json}. */
  public TicketmasterVenue venue(String id) {
    return json.venue(read(http.getConditional("venue", entityUri("venues", id, "venue"))));
  }

  /** Like {@link #venue} but empty when unchanged since the last call (304). */
  public Optional<TicketmasterVenue> venueIfChanged(String id) {
    UpstreamResponse response = http.getConditional("venue", entityUri("venues", id, "venue"));
    return response.notModified() ? Optional.empty() : Optional.of(json.venue(read(response)));
  }

  /** {@code GET /discovery/v2/attractions/{id}.json}. */
  public TicketmasterAttraction attraction(String id) {
    return json.attraction(
        read(http.getConditional("attraction", entityUri("attractions", id, "attraction"))));
  }

  /** {@code GET /discovery/v2/attractions.json?keyword=}: the first 20 matches. */
  public List<TicketmasterAttraction> searchAttractions(String keyword) {
    URI uri =
        UpstreamUri.of(settings.apiUrl())
            .path(PATH + "/attractions.json")
            .param("keyword", keyword)
            .param("size", SEARCH_SIZE)
            .build();
    List<TicketmasterAttraction> attractions = new ArrayList<>();
    read(http.get("attractions", uri))
        .path("_embedded")
        .path("attractions")
        .forEach(node -> attractions.add(json.attraction(node)));
    return attractions;
  }

  /** The attraction named exactly {@code name} (ignoring case), for matching a Spotify artist. */
  public Optional<TicketmasterAttraction> findAttractionByName(String name) {
    String wanted = normalize(name);
    return searchAttractions(name).stream()
        .filter(a -> normalize(a.name()).equals(wanted))
        .findFirst();
  }

  /** Reads back an event's {@code raw} JSON, as handed on in a {@code snapshot}. */
  public TicketmasterEvent eventFromSnapshot(String snapshot) {
    // The snapshot is the raw JSON already: writing the parsed tree out again cost the show worker
    // a twentieth of its CPU in the benchmark.
    return json.event(parseSnapshot(snapshot, "event"), snapshot);
  }

  /** Reads back a venue's {@code raw} JSON, as handed on in a {@code snapshot}. */
  public TicketmasterVenue venueFromSnapshot(String snapshot) {
    return json.venue(parseSnapshot(snapshot, "venue"));
  }

  private EventListing.Page eventsPage(
      String attractionId, Instant from, Instant to, int page, int size) {
    URI uri =
        UpstreamUri.of(settings.apiUrl())
            .path(PATH + "/events.json")
            .param("attractionId", attractionId)
            .param("startDateTime", DATE_TIME.format(from))
            .param("endDateTime", to == null ? null : DATE_TIME.format(to))
            .param("sort", "date,asc")
            .param("size", size)
            .param("page", page)
            .build();
    UpstreamResponse response = http.get("events", uri);
    try {
      return eventsPages.read(response.body());
    } catch (JacksonException e) {
      throw UpstreamException.notJson("ticketmaster", response.status(), e);
    }
  }

  private URI entityUri(String collection, String id, String endpoint) {
    requireId(id, endpoint);
    return UpstreamUri.of(settings.apiUrl())
        .path(PATH + "/" + collection)
        .segment(id)
        .path(".json")
        .build();
  }

  private static void requireId(String id, String endpoint) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new UpstreamException(
          "ticketmaster",
          endpoint,
          UpstreamErrorCode.INVALID_REQUEST,
          0,
          false,
          null,
          "not a Ticketmaster id: " + id,
          null);
    }
  }

  private JsonNode parseSnapshot(String snapshot, String what) {
    try {
      return mapper.readTree(snapshot);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new UpstreamException(
          "ticketmaster",
          "snapshot",
          UpstreamErrorCode.INTERNAL,
          0,
          false,
          null,
          "snapshot is not a " + what + " JSON document",
          e);
    }
  }

  private JsonNode read(UpstreamResponse response) {
    try {
      return mapper.readTree(response.body());
    } catch (JacksonException e) {
      throw UpstreamException.notJson("ticketmaster", response.status(), e);
    }
  }

  private static String normalize(String name) {
    return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "TicketmasterClient[" + settings.apiUrl() + "]";
  }
}
