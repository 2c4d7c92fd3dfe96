package io.setsync.schemas.serde;

import io.setsync.schemas.EventClasses;
import io.setsync.schemas.registry.SchemaRegistryClient;
import io.setsync.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Confluent wire format: byte {@code 0x00}, the schema's
 * registry id as a 4-byte big-endian int, then the Avro binary encoding.
 *
 * <p>The schema is the record's own ({@code getSchema()}), registered (or, with {@code
 * auto.register.schemas=false}, looked up) under the subject the {@link SubjectNameStrategy} names
 * for the topic. Configure it with the keys in {@link AvroSerdeConfig}. Thread-safe once
 * configured. A null record (tombstone) is written as null.
 */
public final class ConfluentAvroSerializer implements Serializer<SpecificRecord> {

  private final Map<Schema, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
  private SchemaRegistryClient registry;
  private boolean autoRegister = true;
  private SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC_RECORD_NAME;
  private boolean isKey;

  static {
    EventClasses.trust();
  }

  /** For Kafka, which then calls {@link #configure}. */
  public ConfluentAvroSerializer() {}

  /** Ready to use: registers schemas automatically under topic-record subjects. */
  public ConfluentAvroSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  public ConfluentAvroSerializer(
      SchemaRegistryClient registry, boolean autoRegister, SubjectNameStrategy strategy) {
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.subjectNameStrategy = strategy;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry == null) {
      registry = AvroSerdeConfig.registryClient(configs);
    }
    this.isKey = isKey;
    this.autoRegister = AvroSerdeConfig.autoRegister(configs);
    this.subjectNameStrategy = AvroSerdeConfig.subjectNameStrategy(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, SpecificRecord record) {
    if (record == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException(
          "ConfluentAvroSerializer is not configured: set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
    Schema schema = record.getSchema();
    String subject = subjectNameStrategy.subject(topic, isKey, schema);
    int id = schemaId(subject, schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(record).write(record, encoder);
      encoder.flush();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new SerializationException(
          "Cannot write " + schema.getFullName() + " to topic " + topic + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private int schemaId(String subject, Schema schema) {
    try {
      return autoRegister
          ? registry.register(subject, schema)
          : registry.lookup(subject, schema).id();
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          (autoRegister ? "Cannot register " : "Cannot find ")
              + schema.getFullName()
              + " under subject "
              + subject
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private DatumWriter<SpecificRecord> writerFor(SpecificRecord record) {
    // The generated class's own model carries its logical-type conversions (UUID, Instant).
    SpecificData model =
        record instanceof SpecificRecordBase generated
            ? generated.getSpecificData()
            : SpecificData.getForClass(record.getClass());
    return writers.computeIfAbsent(
        record.getSchema(), schema -> new SpecificDatumWriter<>(schema, model));
  }
}
