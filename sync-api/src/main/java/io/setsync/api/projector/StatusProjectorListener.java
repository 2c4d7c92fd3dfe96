package io.setsync.api.projector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code sync.requested.*} and {@code sync.outcomes} in batches: decodes, hands the batch
 * to the {@link StatusProjector} (less the events sync-api wrote itself, see {@link
 * StatusEvents#isOwnEvent}), returns. A record that cannot be decoded ends the batch there: the
 * records before it are applied, and the error handler sends it to {@code <topic>-dlt}.
 */
@Component
class StatusProjectorListener {

  static final String ID = "status-projector";

  private static final Logger log = LoggerFactory.getLogger(StatusProjectorListener.class);
  private static final LogAccessor LOG_ACCESSOR = new LogAccessor(StatusProjectorListener.class);

  private final StatusProjector projector;
  private final Map<String, Counter> applied = new ConcurrentHashMap<>();
  private final MeterRegistry meters;
  private final Counter ignored;

  StatusProjectorListener(StatusProjector projector, MeterRegistry meters) {
    this.projector = projector;
    this.meters = meters;
    this.ignored =
        Counter.builder("setsync.projector.events.ignored")
            .description("Records of a type the projector does not know")
            .register(meters);
  }

  private Counter applied(StatusEvent event) {
    String type =
        event.kind() == StatusEvent.Kind.FAILED && !event.finalFailure()
            ? "retrying"
            : event.kind().name().toLowerCase(java.util.Locale.ROOT);
    return applied.computeIfAbsent(
        type,
        key ->
            Counter.builder("setsync.projector.events")
                .description("Events applied by the status projector, by type")
                .tag("type", key)
                .register(meters));
  }

  @KafkaListener(
      id = ID,
      autoStartup = "false",
      batch = "true",
      topics = "#{@kafkaTopics.projectedTopicNames()}")
  void onBatch(List<ConsumerRecord<String, SpecificRecord>> records) {
    List<StatusEvent> events = new ArrayList<>(records.size());
    int poison = -1;
    Exception poisonCause = null;
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, SpecificRecord> record = records.get(i);
      DeserializationException undecodable =
          SerializationUtils.getExceptionFromHeader(
              record, KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
      if (undecodable != null) {
        poison = i;
        poisonCause = undecodable;
        break;
      }
      if (record.value() == null || StatusEvents.isOwnEvent(record.value())) {
        continue;
      }
      StatusEvents.fromAvro(record.value())
          .ifPresentOrElse(
              events::add,
              () -> {
                ignored.increment();
                log.warn(
                    "Ignoring {} at {}-{}@{}: not a sync event",
                    record.value().getSchema().getFullName(),
                    record.topic(),
                    record.partition(),
                    record.offset());
              });
    }
    projector.apply(events);
    for (StatusEvent event : events) {
      applied(event).increment();
    }
    if (poison >= 0) {
      throw new BatchListenerFailedException("Undecodable record", poisonCause, poison);
    }
  }
}
