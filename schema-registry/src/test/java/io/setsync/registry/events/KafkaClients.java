package io.setsync.registry.events;

import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.schemas.serde.ConfluentAvroSerializer;
import io.setsync.testsupport.TestInfrastructure;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients on the shared broker, configured the way a Setsync service configures them. */
final class KafkaClients {

  private KafkaClients() {}

  static Map<String, Object> producerConfig(URI registry) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class);
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.toString());
    return config;
  }

  static Map<String, Object> consumerConfig(URI registry) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class);
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.toString());
    return config;
  }

  static KafkaProducer<String, SpecificRecord> avroProducer(URI registry) {
    return new KafkaProducer<>(producerConfig(registry));
  }

  static KafkaConsumer<String, SpecificRecord> avroConsumer(URI registry) {
    return new KafkaConsumer<>(consumerConfig(registry));
  }

  static KafkaProducer<String, byte[]> rawProducer(URI registry) {
    Map<String, Object> config = producerConfig(registry);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  static KafkaConsumer<String, byte[]> rawConsumer(URI registry) {
    Map<String, Object> config = consumerConfig(registry);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(config);
  }
}
