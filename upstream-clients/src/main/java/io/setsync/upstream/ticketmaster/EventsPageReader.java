package io.setsync.upstream.ticketmaster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads a Discovery events page, each event with its own JSON text as Ticketmaster sent it: the
 * text is cut out of the answer, not written again from the parsed tree. Writing it again, once per
 * event, cost the artist worker about a tenth of its CPU in the benchmark, for the snapshot each
 * cascaded show sync is handed. Jackson's tree keeps no source offsets, hence the streaming read.
 */
final class EventsPageReader {

  private final JsonMapper mapper;
  private final TicketmasterJson json;

  EventsPageReader(JsonMapper mapper, TicketmasterJson json) {
    this.mapper = mapper;
    this.json = json;
  }

  /** The page in {@code body}; throws {@link tools.jackson.core.JacksonException} if not JSON. */
  EventListing.Page read(byte[] body) {
    List<TicketmasterEvent> events = new ArrayList<>();
    JsonNode page = MissingNode.getInstance();
    try (JsonParser parser = mapper.createParser(body)) {
      require(parser.nextToken() == JsonToken.START_OBJECT, parser, "an events page is an object");
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("_embedded") && value == JsonToken.START_OBJECT) {
          readEmbedded(parser, body, events);
        } else if (name.equals("page")) {
          page = parser.readValueAsTree();
        } else {
          parser.skipChildren();
        }
      }
      require(parser.nextToken() == null, parser, "nothing follows an events page");
    }
    return new EventListing.Page(
        events, page.path("totalElements").asInt(0), page.path("totalPages").asInt(0));
  }

  private void readEmbedded(JsonParser parser, byte[] body, List<TicketmasterEvent> events) {
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("events") && value == JsonToken.START_ARRAY) {
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          require(item == JsonToken.START_OBJECT, parser, "an event is an object");
          int start = (int) parser.currentTokenLocation().getByteOffset();
          JsonNode event = parser.readValueAsTree();
          int end = (int) parser.currentLocation().getByteOffset();
          events.add(
              json.event(event, new String(body, start, end - start, StandardCharsets.UTF_8)));
        }
      } else {
        parser.skipChildren();
      }
    }
  }

  private static void require(boolean condition, JsonParser parser, String what) {
    if (!condition) {
      throw new StreamReadException(parser, "not a Discovery events page: " + what);
    }
  }
}
