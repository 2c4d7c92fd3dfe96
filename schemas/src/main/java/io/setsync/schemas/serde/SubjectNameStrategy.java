package io.setsync.schemas.serde;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How the serializer names the registry subject of a value, as Confluent's strategies do. Setsync
 * uses {@link #TOPIC_RECORD_NAME} for every topic.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-value} (or {@code -key}): Confluent's default, one record type per topic. */
  TOPIC_NAME,
  /**
   * {@code <topic>-<record full name>}, e.g. {@code sync.outcomes-io.setsync.events.SyncFailed}.
   */
  TOPIC_RECORD_NAME,
  /** {@code <record full name>}, shared by every topic. */
  RECORD_NAME;

  /** The subject for a value or key of {@code schema} written to {@code topic}. */
  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
      case RECORD_NAME -> schema.getFullName();
    };
  }

  /**
   * Reads a configured strategy: a Confluent class name ({@code
   * io.confluent.kafka.serializers.subject.TopicRecordNameStrategy}), its simple name, or a
   * constant of this enum.
   */
  public static SubjectNameStrategy parse(String value) {
    String name = value.trim();
    name = name.substring(name.lastIndexOf('.') + 1);
    return switch (name.toUpperCase(Locale.ROOT).replace("_", "")) {
      case "TOPICNAMESTRATEGY", "TOPICNAME" -> TOPIC_NAME;
      case "TOPICRECORDNAMESTRATEGY", "TOPICRECORDNAME" -> TOPIC_RECORD_NAME;
      case "RECORDNAMESTRATEGY", "RECORDNAME" -> RECORD_NAME;
      default ->
          throw new IllegalArgumentException(
              "Unknown subject name strategy '"
                  + value
                  + "': use TopicNameStrategy, TopicRecordNameStrategy or RecordNameStrategy");
    };
  }
}
