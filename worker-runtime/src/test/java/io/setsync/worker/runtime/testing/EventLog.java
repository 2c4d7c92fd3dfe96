package io.setsync.worker.runtime.testing;

import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything written to some topics since the beginning, read without a consumer group. Call {@link
 * #poll} inside an Awaitility condition; filter by the ids your test made, since the topics are
 * shared.
 */
public final class EventLog<V> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

  private EventLog(Deserializer<V> values, String... topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Avro events, decoded through the registry. */
  public static EventLog<SpecificRecord> avro(String registryUrl, String... topics) {
    ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    return new EventLog<>(values, topics);
  }

  /** Raw values, e.g. of a dead-letter topic. */
  public static EventLog<byte[]> raw(String... topics) {
    return new EventLog<>(new ByteArrayDeserializer(), topics);
  }

  /** Reads what arrived since the last call; returns everything read so far. */
  public synchronized List<ConsumerRecord<String, V>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return List.copyOf(records);
  }

  /** The values read so far that match, in order. */
  public synchronized List<V> values(Predicate<? super V> filter) {
    return records.stream().map(ConsumerRecord::value).filter(filter).toList();
  }

  /** The records read so far whose key is one of these. */
  public synchronized List<ConsumerRecord<String, V>> withKey(String... keys) {
    List<String> wanted = Arrays.asList(keys);
    return records.stream().filter(record -> wanted.contains(record.key())).toList();
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }
}
