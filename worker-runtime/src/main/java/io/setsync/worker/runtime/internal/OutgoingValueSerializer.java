package io.setsync.worker.runtime.internal;

import io.setsync.schemas.serde.ConfluentAvroSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of the worker's producer: Avro records in the Confluent wire format, and raw
 * bytes as they are (an undecodable record on its way to the dead-letter topic keeps its original
 * bytes). Public for Kafka, which instantiates it by class name; not an API.
 */
public final class OutgoingValueSerializer implements Serializer<Object> {

  private final ConfluentAvroSerializer avro = new ConfluentAvroSerializer();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    avro.configure(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (data instanceof byte[] bytes) {
      return bytes;
    }
    if (data instanceof SpecificRecord record) {
      return avro.serialize(topic, record);
    }
    throw new SerializationException(
        "Cannot write a " + data.getClass().getName() + " to " + topic + ": not an Avro record");
  }

  @Override
  public void close() {
    avro.close();
  }
}
