package io.setsync.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Compares the shape of two JSON documents, and which fields two parsed records carry. */
public final class JsonShape {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonShape() {}

  public static JsonNode fixture(String name) {
    try (InputStream in = JsonShape.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parse(byte[] body) {
    return MAPPER.readTree(body);
  }

  /**
   * Paths of {@code documented} that {@code actual} lacks or holds with another JSON type; arrays
   * are compared by their first elements. Paths listed in {@code optional} may be absent.
   */
  public static List<String> differences(
      JsonNode documented, JsonNode actual, Set<String> optional) {
    List<String> differences = new ArrayList<>();
    compare("", documented, actual, optional, differences);
    return differences;
  }

  /** Names of the components one record fills and the other leaves null or empty. */
  public static List<String> fieldsFilledDifferently(Record documented, Record actual) {
    List<String> different = new ArrayList<>();
    for (RecordComponent component : documented.getClass().getRecordComponents()) {
      try {
        Object a = component.getAccessor().invoke(documented);
        Object b = component.getAccessor().invoke(actual);
        if (filled(a) != filled(b)) {
          different.add(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return different;
  }

  private static boolean filled(Object value) {
    if (value instanceof Collection<?> collection) {
      return !collection.isEmpty();
    }
    return value != null;
  }

  private static void compare(
      String path, JsonNode documented, JsonNode actual, Set<String> optional, List<String> out) {
    if (documented.isNull() || actual.isNull()) {
      return;
    }
    if (kind(documented) != kind(actual)) {
      out.add(path + ": documented " + kind(documented) + ", got " + kind(actual));
      return;
    }
    if (documented.isObject()) {
      for (Map.Entry<String, JsonNode> field : documented.properties()) {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode value = actual.get(field.getKey());
        if (value == null) {
          if (!optional.contains(child)) {
            out.add(child + ": missing");
          }
        } else {
          compare(child, field.getValue(), value, optional, out);
        }
      }
    } else if (documented.isArray() && !documented.isEmpty() && !actual.isEmpty()) {
      compare(path + "[]", documented.get(0), actual.get(0), optional, out);
    }
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return "string";
  }
}
