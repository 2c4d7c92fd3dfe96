package io.setsync.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  static CompatibilityLevel parse(String value) {
    if (value == null) {
      throw RegistryException.invalidCompatibilityLevel(null);
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidCompatibilityLevel(value);
    }
  }

  /**
   * Why {@code candidate} may not follow {@code earlier} (oldest first); empty when it may.
   * Backward: the candidate reads data written with an earlier schema. Forward: an earlier schema
   * reads data written with the candidate. Non-transitive levels look at the latest version only.
   */
  List<String> problems(Schema candidate, List<Schema> earlier) {
    List<String> problems = new ArrayList<>();
    if (earlier.isEmpty() || this == NONE) {
      return problems;
    }
    List<Schema> against =
        transitive ? earlier : earlier.subList(earlier.size() - 1, earlier.size());
    for (Schema old : against) {
      if (backward) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
            "reading",
            problems);
      }
      if (forward) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
            "being read by",
            problems);
      }
    }
    return problems;
  }

  private static void describe(
      SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> problems) {
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      problems.add(
          "{errorType:'"
              + incompatibility.getType()
              + "', description:'"
              + incompatibility.getMessage()
              + "', location:'"
              + incompatibility.getLocation()
              + "', direction:'new schema "
              + direction
              + " an earlier one'}");
    }
  }
}
