package io.setsync.registry;

/** Small Avro schemas for registry tests, as the JSON text a client sends. */
final class TestSchemas {

  private TestSchemas() {}

  /** Version 1 of a record {@code io.setsync.test.<name>}: one required string field. */
  static String v1(String name) {
    return """
        {"type": "record", "name": "%s", "namespace": "io.setsync.test",
         "fields": [{"name": "id", "type": "string"}]}
        """
        .formatted(name);
  }

  /** v1 plus an optional field with a default: backward and forward compatible with v1. */
  static String v2WithDefault(String name) {
    return """
        {"type": "record", "name": "%s", "namespace": "io.setsync.test",
         "fields": [{"name": "id", "type": "string"},
                    {"name": "note", "type": ["null", "string"], "default": null}]}
        """
        .formatted(name);
  }

  /** v1 plus a required field without default: a reader of it cannot read v1 data. */
  static String withRequiredField(String name) {
    return """
        {"type": "record", "name": "%s", "namespace": "io.setsync.test",
         "fields": [{"name": "id", "type": "string"},
                    {"name": "count", "type": "int"}]}
        """
        .formatted(name);
  }
}
