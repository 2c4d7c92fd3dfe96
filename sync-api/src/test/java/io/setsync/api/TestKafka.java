package io.setsync.api;

import io.setsync.events.EntityType;
import io.setsync.schemas.registry.SchemaRegistryClient;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.schemas.serde.ConfluentAvroSerializer;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Reads and writes Setsync events on a broker the way any Confluent-format client would. */
public final class TestKafka {

  private TestKafka() {}

  /** Every topic sync-api reads or writes, with dead letters, created on the shared broker. */
  public static void createTopics() {
    createTopics(TestInfrastructure::createTopics);
  }

  public interface TopicCreator {
    void create(int partitions, String... names);
  }

  public static void createTopics(TopicCreator creator) {
    List<String> names = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      names.add(Topics.requested(type).name());
      names.add(Topics.dltName(Topics.requested(type).name()));
      names.add(Topics.replay(type).name());
      names.add(Topics.dltName(Topics.replay(type).name()));
    }
    names.add(Topics.OUTCOMES.name());
    names.add(Topics.dltName(Topics.OUTCOMES.name()));
    creator.create(Topics.DEFAULT_PARTITIONS, names.toArray(String[]::new));
  }

  /**
   * A consumer from the start of the topics, with a group of its own. A record that does not decode
   * (a poison record another test wrote to a shared topic) comes with a null value instead of
   * failing the poll; the tests filter by key.
   */
  public static KafkaConsumer<String, SpecificRecord> consumer(
      String bootstrapServers, String... topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, SpecificRecord> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            new ErrorHandlingDeserializer<SpecificRecord>(
                new ConfluentAvroDeserializer(
                    new SchemaRegistryClient(URI.create(TestRegistry.url())))));
    consumer.subscribe(List.of(topics));
    return consumer;
  }

  /** Polls into {@code into} the records whose key passes the filter. */
  public static void pollInto(
      KafkaConsumer<String, SpecificRecord> consumer,
      Predicate<String> keys,
      List<ConsumerRecord<String, SpecificRecord>> into) {
    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
      if (record.key() != null && keys.test(record.key())) {
        into.add(record);
      }
    }
  }

  public static KafkaProducer<String, SpecificRecord> producer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(
        props,
        new StringSerializer(),
        new ConfluentAvroSerializer(new SchemaRegistryClient(URI.create(TestRegistry.url()))));
  }

  /** Sends and waits for the acknowledgement. */
  public static void send(
      KafkaProducer<String, SpecificRecord> producer,
      String topic,
      UUID key,
      SpecificRecord event) {
    try {
      producer.send(new ProducerRecord<>(topic, Topics.key(key), event)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not send " + event, e.getCause());
    }
  }
}
