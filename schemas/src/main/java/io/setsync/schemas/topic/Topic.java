package io.setsync.schemas.topic;

import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic of the catalog: its name, the type its values have in code, the Avro record
 * classes it may carry and its partition count. Keys are always the entity UUID as a string (see
 * {@link Topics#key}).
 *
 * @param name the topic name
 * @param valueType the value type consumers receive ({@code SpecificRecord} for a topic that
 *     carries several record types)
 * @param recordTypes the generated Avro classes written to this topic
 * @param partitions partitions to create the topic with
 */
public record Topic<V extends SpecificRecord>(
    String name, Class<V> valueType, List<Class<? extends V>> recordTypes, int partitions) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueType, "valueType");
    recordTypes = List.copyOf(recordTypes);
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (recordTypes.isEmpty()) {
      throw new IllegalArgumentException("topic " + name + " needs at least one record type");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
  }

  /** The retry topic with 0-based index {@code index}: {@code <name>-retry-<index>}. */
  public Topic<V> retry(int index) {
    return new Topic<>(Topics.retryName(name, index), valueType, recordTypes, partitions);
  }

  /** The dead-letter topic: {@code <name>-dlt}. */
  public Topic<V> dlt() {
    return new Topic<>(Topics.dltName(name), valueType, recordTypes, partitions);
  }

  /** This topic with another partition count, e.g. for a test or a deployment setting. */
  public Topic<V> withPartitions(int partitions) {
    return new Topic<>(name, valueType, recordTypes, partitions);
  }
}
