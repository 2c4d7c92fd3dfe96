package io.setsync.schemas.serde;

import io.setsync.schemas.EventClasses;
import io.setsync.schemas.registry.SchemaRegistryClient;
import io.setsync.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into the generated Avro class named by the writer schema: it
 * fetches the writer schema by the id in the header and resolves it against the class's schema
 * (Avro schema resolution), so records written with an older or newer compatible schema decode.
 *
 * <p>Anything it cannot decode (wrong magic byte, too short, unknown schema id, no generated class,
 * corrupt or trailing bytes) is a {@link SerializationException} with a clear message, which
 * spring-kafka's {@code ErrorHandlingDeserializer} hands to the error handler (and so to the
 * dead-letter topic) instead of failing the poll loop. Thread-safe once configured.
 */
public final class ConfluentAvroDeserializer implements Deserializer<SpecificRecord> {

  private final Map<Integer, SpecificDatumReader<SpecificRecord>> readers =
      new ConcurrentHashMap<>();
  private SchemaRegistryClient registry;

  static {
    EventClasses.trust();
  }

  /** For Kafka, which then calls {@link #configure}. */
  public ConfluentAvroDeserializer() {}

  public ConfluentAvroDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry == null) {
      registry = AvroSerdeConfig.registryClient(configs);
    }
  }

  @Override
  public SpecificRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException(
          "ConfluentAvroDeserializer is not configured: set "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
    if (data.length < WireFormat.HEADER_SIZE) {
      throw new SerializationException(
          "Truncated record on topic "
              + topic
              + ": "
              + data.length
              + " bytes, the Confluent wire-format header alone is 5 (0x"
              + HexFormat.of().formatHex(data)
              + ")");
    }
    if (data[0] != WireFormat.MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "Unknown magic byte 0x%02x on topic %s: not the Confluent wire format (expected 0x00)",
              data[0], topic));
    }
    int id = ByteBuffer.wrap(data, 1, 4).getInt();
    SpecificDatumReader<SpecificRecord> reader = readerFor(id, topic);
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
    SpecificRecord record;
    try {
      record = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "Corrupt record on topic "
                + topic
                + ": bytes left over after decoding "
                + reader.getSchema().getFullName()
                + " with schema id "
                + id);
      }
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw new SerializationException(
          "Truncated or corrupt Avro payload on topic "
              + topic
              + " for schema id "
              + id
              + " ("
              + reader.getSchema().getFullName()
              + "): "
              + e,
          e);
    }
    return record;
  }

  private SpecificDatumReader<SpecificRecord> readerFor(int id, String topic) {
    SpecificDatumReader<SpecificRecord> reader = readers.get(id);
    if (reader != null) {
      return reader;
    }
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          (e.errorCode() == 40403 ? "Unknown schema id " : "Cannot fetch schema id ")
              + id
              + " for a record on topic "
              + topic
              + ": "
              + e.getMessage(),
          e);
    }
    Class<?> type;
    try {
      type = SpecificData.get().getClass(writer);
    } catch (SecurityException e) {
      throw new SerializationException(
          "Avro does not trust "
              + writer.getFullName()
              + " (schema id "
              + id
              + "): "
              + e.getMessage(),
          e);
    }
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      throw new SerializationException(
          "No generated Avro class for "
              + writer.getFullName()
              + " (schema id "
              + id
              + ", topic "
              + topic
              + ") on the classpath");
    }
    SpecificData model = SpecificData.getForClass(type);
    Schema readerSchema = model.getSchema(type);
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException(
          "Schema id "
              + id
              + " cannot be read as this build's "
              + readerSchema.getFullName()
              + ": "
              + compatibility.getResult().getIncompatibilities());
    }
    reader = new SpecificDatumReader<>(writer, readerSchema, model);
    SpecificDatumReader<SpecificRecord> previous = readers.putIfAbsent(id, reader);
    return previous != null ? previous : reader;
  }
}
