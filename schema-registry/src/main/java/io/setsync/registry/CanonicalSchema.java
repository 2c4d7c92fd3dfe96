package io.setsync.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema as the registry stores it: parsed by Avro and printed back, so whitespace and key order
 * do not make two schemas differ but defaults, docs and logical types do (that is how Confluent
 * compares them; Avro's Parsing Canonical Form would drop defaults, which decide compatibility).
 */
record CanonicalSchema(Schema schema, String text, byte[] fingerprint) {

  static CanonicalSchema parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw RegistryException.invalidSchema("empty schema");
    }
    Schema schema;
    try {
      schema = new Schema.Parser().parse(raw);
    } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    } catch (RuntimeException e) {
      // Avro reports some malformed JSON with other runtime exceptions.
      throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
    }
    String text = schema.toString();
    return new CanonicalSchema(schema, text, sha256(text));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
