package io.setsync.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ticketmaster Discovery v2. Gateway errors (API key, quota, outages) come in the {@code fault}
 * envelope; errors of the Discovery service itself (unknown id, bad parameter, paging too deep) in
 * its {@code errors} envelope, as on Ticketmaster.
 */
final class TicketmasterApi implements SimulatedApi {

  static final int MAX_DEPTH = 1000;
  private static final int MAX_SIZE = 200;
  private static final long DAILY_QUOTA = 5000;
  private static final String PREFIX = TicketmasterDocuments.PATH + "/";
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final Catalog catalog;
  private final TicketmasterDocuments documents;
  private final SimulatorOptions options;
  private final LongSupplier callsSinceReset;

  TicketmasterApi(
      Catalog catalog,
      TicketmasterDocuments documents,
      SimulatorOptions options,
      LongSupplier callsSinceReset) {
    this.catalog = catalog;
    this.documents = documents;
    this.options = options;
    this.callsSinceReset = callsSinceReset;
  }

  @Override
  public String endpoint(String path) {
    String[] s = resource(path);
    if (s.length == 1 && s[0].equals("events")) {
      return "events";
    }
    if (s.length == 2 && s[0].equals("events")) {
      return "event";
    }
    if (s.length == 2 && s[0].equals("venues")) {
      return "venue";
    }
    if (s.length == 1 && s[0].equals("attractions")) {
      return "attractions";
    }
    if (s.length == 2 && s[0].equals("attractions")) {
      return "attraction";
    }
    return "unknown";
  }

  @Override
  public Response authenticate(Request request) {
    String key = request.param("apikey");
    if (key == null) {
      return fault(
          401,
          "Failed to resolve API Key variable request.queryparam.apikey",
          "steps.oauth.v2.FailedToResolveAPIKey");
    }
    if (key.isBlank()
        || (options.ticketmasterApiKey() != null && !options.ticketmasterApiKey().equals(key))) {
      return fault(401, "Invalid ApiKey", "oauth.v2.InvalidApiKey");
    }
    return null;
  }

  @Override
  public Response handle(Request request, String endpoint) {
    try {
      String[] s = resource(request.path());
      return switch (endpoint) {
        case "events" -> events(request);
        case "event" -> event(s[1]);
        case "venue" -> venue(s[1]);
        case "attractions" -> attractions(request);
        case "attraction" -> attraction(s[1]);
        default -> notFound(request.path());
      };
    } catch (Rejection rejection) {
      return rejection.response();
    }
  }

  @Override
  public Response rateLimited(long retryAfterSeconds) {
    return fault(
            429,
            "Rate limit quota violation. Quota limit  exceeded. Identifier : simulator",
            "policies.ratelimit.QuotaViolation")
        .header("Retry-After", Long.toString(retryAfterSeconds));
  }

  @Override
  public Response injectedError(Request request, int status) {
    return switch (status) {
      // A 404 comes from Discovery itself (an unknown id), not its gateway: in Discovery's shape.
      case 404 -> notFound(entityId(request.path()));
      case 503 ->
          fault(
              503,
              "The Service is temporarily unavailable",
              "messaging.adaptors.http.flow.ServiceUnavailable");
      case 504 -> fault(504, "Gateway Timeout", "messaging.adaptors.http.flow.GatewayTimeout");
      default -> fault(status, "Injected error", "simulator.InjectedError");
    };
  }

  @Override
  public Response methodNotAllowed() {
    return errors(405, "DIS1003", "Method not allowed");
  }

  @Override
  public Response decorate(Response response) {
    long midnight =
        LocalDate.now(ZoneOffset.UTC)
            .plusDays(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .toEpochMilli();
    return response
        .header("Rate-Limit", Long.toString(DAILY_QUOTA))
        .header(
            "Rate-Limit-Available",
            Long.toString(Math.max(0, DAILY_QUOTA - callsSinceReset.getAsLong())))
        .header("Rate-Limit-Over", "0")
        .header("Rate-Limit-Reset", Long.toString(midnight));
  }

  private Response events(Request request) {
    Paging paging = paging(request);
    Instant start = dateTime(request, "startDateTime");
    Instant end = dateTime(request, "endDateTime");
    String venueId = request.param("venueId");
    Map<Integer, String> attractions = attractions(request.param("attractionId"));
    List<Event> matching = new ArrayList<>();
    for (int key : attractions.keySet()) {
      for (Event event : catalog.events(key)) {
        if ((start == null || !event.startsAt().isBefore(start))
            && (end == null || event.startsAt().isBefore(end))
            && (venueId == null || catalog.venue(event.venueIndex()).id().equals(venueId))) {
          matching.add(event);
        }
      }
    }
    matching.sort(java.util.Comparator.comparing(Event::startsAt).thenComparing(Event::id));
    List<byte[]> items = new ArrayList<>(matching.size());
    int from = paging.page * paging.size;
    int to = Math.min(Math.min(matching.size(), from + paging.size), MAX_DEPTH);
    for (int i = from; i < to; i++) {
      Event event = matching.get(i);
      items.add(documents.event(event, event.id(), attractions.get(event.artistKey())));
    }
    return Response.json(200, page("events", items, matching.size(), paging, request));
  }

  private Response attractions(Request request) {
    Paging paging = paging(request);
    String keyword = request.param("keyword");
    List<Integer> keys =
        keyword == null || keyword.isBlank() ? demoKeys() : catalog.searchByName(keyword);
    List<byte[]> items = new ArrayList<>();
    int from = paging.page * paging.size;
    int to = Math.min(keys.size(), from + paging.size);
    for (int i = from; i < to; i++) {
      items.add(documents.attraction(catalog.artist(keys.get(i))));
    }
    return Response.json(200, page("attractions", items, keys.size(), paging, request));
  }

  private Response event(String id) {
    Event event = catalog.event(id);
    if (event == null) {
      return notFound(id);
    }
    String attractionId = catalog.artist(event.artistKey()).attractionId();
    return Response.json(200, documents.event(event, id, attractionId));
  }

  private Response venue(String id) {
    Venue venue = catalog.venue(id);
    return venue == null ? notFound(id) : Response.json(200, documents.venue(venue, id));
  }

  private Response attraction(String id) {
    int key = catalog.attractionKey(id);
    return key < 0
        ? notFound(id)
        : Response.json(200, documents.attraction(catalog.artist(key), id));
  }

  /**
   * The artists an {@code attractionId} parameter names, each with the id it was asked by (the
   * first, when two name the same artist), so that listed events carry that id.
   */
  private Map<Integer, String> attractions(String param) {
    Map<Integer, String> attractions = new LinkedHashMap<>();
    if (param == null || param.isBlank()) {
      for (int key : demoKeys()) {
        attractions.put(key, catalog.artist(key).attractionId());
      }
      return attractions;
    }
    for (String part : param.split(",")) {
      String id = part.trim();
      int key = catalog.attractionKey(id);
      if (key >= 0) {
        attractions.putIfAbsent(key, id);
      }
    }
    return attractions;
  }

  private static List<Integer> demoKeys() {
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < DemoArtist.ALL.size(); i++) {
      keys.add(DemoArtist.FIRST_KEY + i);
    }
    return keys;
  }

  /** A Discovery page: {@code _embedded} (left out when empty), {@code _links}, {@code page}. */
  private static byte[] page(
      String kind, List<byte[]> items, int total, Paging paging, Request request) {
    ObjectNode rest = Json.object();
    int totalPages = (total + paging.size - 1) / paging.size;
    ObjectNode links = rest.putObject("_links");
    links.putObject("first").put("href", href(kind, request, 0, paging.size));
    links.putObject("self").put("href", href(kind, request, paging.page, paging.size));
    if (paging.page + 1 < totalPages) {
      links.putObject("next").put("href", href(kind, request, paging.page + 1, paging.size));
    }
    if (totalPages > 0) {
      links.putObject("last").put("href", href(kind, request, totalPages - 1, paging.size));
    }
    ObjectNode page = rest.putObject("page");
    page.put("size", paging.size);
    page.put("totalElements", total);
    page.put("totalPages", totalPages);
    page.put("number", paging.page);
    if (items.isEmpty()) {
      return Json.bytes(rest);
    }
    return Json.splice(
        "{\"_embedded\":{" + Json.quote(kind) + ":[", items, "]}," + Json.members(rest) + "}");
  }

  private static String href(String kind, Request request, int page, int size) {
    Map<String, String> params = new TreeMap<>(request.query());
    params.remove("apikey");
    params.put("page", Integer.toString(page));
    params.put("size", Integer.toString(size));
    StringBuilder href = new StringBuilder(PREFIX).append(kind).append(".json?");
    params.forEach(
        (name, value) ->
            href.append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
                .append('&'));
    href.setLength(href.length() - 1);
    return href.toString();
  }

  private record Paging(int page, int size) {}

  private static Paging paging(Request request) {
    int size = Math.min(MAX_SIZE, intParam(request, "size", 20));
    int page = intParam(request, "page", 0);
    if (size < 1 || page < 0) {
      throw new Rejection(errors(400, "DIS1001", "Invalid paging parameters"));
    }
    if ((long) page * size >= MAX_DEPTH) {
      throw new Rejection(
          errors(
              400,
              "DIS1035",
              "API Limits Exceeded: Max paging depth exceeded. (page * size) must be less than"
                  + " 1,000"));
    }
    return new Paging(page, size);
  }

  private static int intParam(Request request, String name, int fallback) {
    String value = request.param(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new Rejection(errors(400, "DIS1001", "Invalid value for parameter " + name));
    }
  }

  private static Instant dateTime(Request request, String name) {
    String value = request.param(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.from(DATE_TIME.parse(value));
    } catch (DateTimeParseException e) {
      throw new Rejection(
          errors(
              400,
              "DIS1015",
              "Query param with date must be of valid format YYYY-MM-DDTHH:mm:ssZ {example:"
                  + " 2020-08-01T14:00:00Z }"));
    }
  }

  /** The id an entity path asks for, or the whole path for any other. */
  private static String entityId(String path) {
    String[] s = resource(path);
    return s.length == 2 ? s[1] : path;
  }

  private static String[] resource(String path) {
    String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length()) : "";
    if (rest.endsWith(".json")) {
      rest = rest.substring(0, rest.length() - ".json".length());
    }
    return rest.split("/");
  }

  private static Response notFound(String id) {
    return errors(
        404, "DIS1004", "Resource not found with provided criteria (locale=en-us, id=" + id + ")");
  }

  static Response errors(int status, String code, String detail) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putArray("errors").addObject();
    error.put("code", code);
    error.put("detail", detail);
    error.put("status", Integer.toString(status));
    error
        .putObject("_links")
        .putObject("about")
        .put("href", TicketmasterDocuments.PATH + "/errors.html#" + code);
    return Response.json(status, Json.bytes(body));
  }

  static Response fault(int status, String faultString, String errorCode) {
    ObjectNode body = Json.object();
    ObjectNode fault = body.putObject("fault");
    fault.put("faultstring", faultString);
    fault.putObject("detail").put("errorcode", errorCode);
    return Response.json(status, Json.bytes(body));
  }
}
