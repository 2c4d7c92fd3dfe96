package io.setsync.worker.runtime.internal;

import io.setsync.events.SyncRequested;
import io.setsync.schemas.topic.Topics;
import java.nio.ByteBuffer;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** Reading a consumed record: its request, or why it has none; its attempt count. */
final class Deliveries {

  // The value of SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, deprecated for removal
  // in spring-kafka 4.0 with no replacement named; ErrorHandlingDeserializer still writes it.
  private static final String VALUE_EXCEPTION_HEADER = "springDeserializerExceptionValue";
  private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(Deliveries.class));

  private Deliveries() {}

  /**
   * The delivery in the record.
   *
   * @throws UndecodableRecordException for a record that is no {@code SyncRequested}
   */
  static SyncPipeline.Delivery decode(ConsumerRecord<String, ?> record) {
    DeserializationException failed =
        SerializationUtils.getExceptionFromHeader(record, VALUE_EXCEPTION_HEADER, LOG);
    if (failed != null) {
      throw new UndecodableRecordException(
          "Undecodable record at "
              + position(record)
              + ": "
              + (failed.getCause() != null ? failed.getCause().getMessage() : failed.getMessage()),
          failed);
    }
    if (!(record.value() instanceof SyncRequested event)) {
      throw new UndecodableRecordException(
          "Record at "
              + position(record)
              + " is "
              + (record.value() == null ? "empty" : "a " + record.value().getClass().getName())
              + ", not a SyncRequested",
          null);
    }
    int attempt = attempts(record);
    boolean replay = record.topic().startsWith(Topics.replay(event.getEntityType()).name());
    try {
      return new SyncPipeline.Delivery(
          record, EventMapping.toRequest(event, attempt), attempt, replay);
    } catch (RuntimeException e) {
      throw new UndecodableRecordException(
          "Unusable SyncRequested at " + position(record) + ": " + e.getMessage(), e);
    }
  }

  /** The attempt of this delivery as spring-kafka's retry topics count it: 1 on the main topic. */
  static int attempts(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS);
    if (header == null) {
      return 1;
    }
    byte[] value = header.value();
    int attempts =
        value.length == Integer.BYTES
            ? ByteBuffer.wrap(value).getInt()
            : value.length == 1 ? Byte.toUnsignedInt(value[0]) : 1;
    return Math.max(1, attempts);
  }

  private static String position(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
