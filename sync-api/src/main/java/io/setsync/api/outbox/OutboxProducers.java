package io.setsync.api.outbox;

import io.setsync.api.kafka.KafkaSettings;
import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Makes the relay's producers: idempotent, {@code acks=all}, bounded waits so that an outage shows
 * as a failed round within seconds. {@code spring.kafka.producer.*} applies first (security, client
 * id…), then the settings the relay's guarantees rely on.
 */
final class OutboxProducers implements Supplier<Producer<String, SpecificRecord>> {

  private final Map<String, Object> config;

  OutboxProducers(KafkaProperties kafka, KafkaSettings settings, OutboxSettings outbox) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    // Uncompressed: a relay round sends a few records per partition, where lz4 saves little and
    // allocated a 64 KiB block buffer per batch (four fifths of the relay's allocation) and cost
    // the broker a decompression to validate each batch.
    config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    long delivery = Math.max(10_000, outbox.sendTimeout().toMillis() - 1_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class);
    config.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl());
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "sync-api-outbox");
    this.config = Map.copyOf(config);
  }

  @Override
  public Producer<String, SpecificRecord> get() {
    return new KafkaProducer<>(config);
  }

  Map<String, Object> config() {
    return config;
  }
}
