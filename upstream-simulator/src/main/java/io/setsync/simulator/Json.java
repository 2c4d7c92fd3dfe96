package io.setsync.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** JSON building: entities are rendered once to text, and pages splice that text in as is. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static RawValue raw(byte[] json) {
    return new RawValue(new String(json, StandardCharsets.UTF_8));
  }

  /** {@code prefix}, the items separated by commas, {@code suffix}: a page from cached entities. */
  static byte[] splice(String prefix, List<byte[]> items, String suffix) {
    int size = prefix.length() + suffix.length() + items.size();
    for (byte[] item : items) {
      size += item.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(items.get(i));
    }
    out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A JSON string literal. */
  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(text)) + "\"";
  }

  /** The members of a rendered object without its braces, to splice into another object. */
  static String members(ObjectNode node) {
    String text = MAPPER.writeValueAsString(node);
    return text.substring(1, text.length() - 1);
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode read(byte[] body) {
    return MAPPER.readTree(body);
  }
}
