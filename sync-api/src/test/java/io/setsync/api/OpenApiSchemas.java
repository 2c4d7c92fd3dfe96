package io.setsync.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Checks JSON values against the schemas of an OpenAPI 3.1 document, for the JSON Schema keywords
 * the API's document uses: {@code $ref}, {@code type}, {@code enum}, {@code properties}, {@code
 * required}, {@code anyOf} and {@code oneOf}. A field the schema does not declare is reported too:
 * the document is to describe the real answers.
 */
final class OpenApiSchemas {

  private static final String COMPONENTS = "#/components/schemas/";

  private final JsonNode document;

  OpenApiSchemas(JsonNode document) {
    this.document = document;
  }

  JsonNode component(String name) {
    JsonNode schema = document.path("components").path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("No schema " + name);
    }
    return schema;
  }

  /** What in the value does not match the schema; empty if it matches. */
  List<String> violations(JsonNode value, JsonNode schema) {
    List<String> violations = new ArrayList<>();
    check(value, schema, "$", violations);
    return violations;
  }

  boolean admitsNull(JsonNode schema) {
    return violations(NullNode.getInstance(), schema).isEmpty();
  }

  private void check(JsonNode value, JsonNode schema, String path, List<String> violations) {
    if (schema.has("$ref")) {
      check(value, resolve(schema.get("$ref").asString()), path, violations);
    }
    if (schema.has("type") && !typeMatches(value, types(schema.get("type")))) {
      violations.add(path + ": " + typeOf(value) + " is not of type " + schema.get("type"));
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      violations.add(path + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (schema.has("anyOf") && matchingBranches(value, schema.get("anyOf")) == 0) {
      violations.add(path + ": " + value + " matches no anyOf branch");
    }
    if (schema.has("oneOf") && matchingBranches(value, schema.get("oneOf")) != 1) {
      violations.add(path + ": " + value + " does not match exactly one oneOf branch");
    }
    if (value.isObject()) {
      checkObject(value, schema, path, violations);
    }
  }

  private void checkObject(JsonNode value, JsonNode schema, String path, List<String> violations) {
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asString())) {
        violations.add(path + ": lacks required " + required.asString());
      }
    }
    JsonNode properties = schema.path("properties");
    if (!properties.isObject()) {
      return;
    }
    for (String field : value.propertyNames()) {
      if (properties.has(field)) {
        check(value.get(field), properties.get(field), path + "." + field, violations);
      } else if (!schema.has("additionalProperties")) {
        violations.add(path + "." + field + ": not declared");
      }
    }
  }

  private int matchingBranches(JsonNode value, JsonNode branches) {
    int matching = 0;
    for (JsonNode branch : branches) {
      if (violations(value, branch).isEmpty()) {
        matching++;
      }
    }
    return matching;
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith(COMPONENTS)) {
      throw new IllegalArgumentException("Unsupported $ref " + ref);
    }
    return component(ref.substring(COMPONENTS.length()));
  }

  private static Set<String> types(JsonNode type) {
    Set<String> types = new TreeSet<>();
    if (type.isArray()) {
      type.forEach(each -> types.add(each.asString()));
    } else {
      types.add(type.asString());
    }
    return types;
  }

  private static boolean typeMatches(JsonNode value, Set<String> types) {
    String type = typeOf(value);
    return types.contains(type) || (type.equals("integer") && types.contains("number"));
  }

  private static String typeOf(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isString()) {
      return "string";
    }
    return value.isArray() ? "array" : "object";
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode each : values) {
      if (each.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
