package io.setsync.registry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.SyncStarted;
import io.setsync.registry.RunningRegistry;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.schemas.serde.ConfluentAvroSerializer;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record our deserializer cannot decode is a {@code SerializationException} that spring-kafka's
 * {@code ErrorHandlingDeserializer} turns into a dead letter: the listener goes on with the next
 * record instead of failing the same poll forever.
 */
class UndecodableRecordIntegrationTests extends RunningRegistry {

  @Test
  void undecodableRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
    // given: a topic, its dead-letter topic, and a listener as a worker would set it up
    String topic = "undecodable-" + UUID.randomUUID();
    TestInfrastructure.createTopics(1, topic, Topics.dltName(topic));
    List<SpecificRecord> received = new CopyOnWriteArrayList<>();
    ConcurrentMessageListenerContainer<String, SpecificRecord> container =
        listener(topic, received);
    container.start();
    SyncStarted first = SampleEvents.started();
    SyncStarted second = SampleEvents.started();
    byte[] badMagic = {0x01, 0, 0, 0, 1, 2, 4, 6};
    byte[] truncated = {0x00, 0x00};

    try {
      // when: good, bad magic byte, truncated, good
      try (KafkaProducer<String, byte[]> producer = KafkaClients.rawProducer(registryUrl())) {
        for (byte[] value :
            List.of(encode(topic, first), badMagic, truncated, encode(topic, second))) {
          producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
        }
      }

      // then: both good records reach the listener, in order
      await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
      assertThat(received).containsExactly(first, second);
      assertThat(container.isRunning()).isTrue();

      // and: the two bad ones are in the dead-letter topic, as they were, with the reason
      List<ConsumerRecord<String, byte[]>> dead = deadLetters(Topics.dltName(topic), 2);
      assertThat(dead).extracting(ConsumerRecord::value).containsExactly(badMagic, truncated);
      assertThat(stackTrace(dead.get(0)))
          .contains("org.apache.kafka.common.errors.SerializationException")
          .contains("Unknown magic byte 0x01");
      assertThat(stackTrace(dead.get(1))).contains("Truncated record");
    } finally {
      container.stop();
    }
  }

  private ConcurrentMessageListenerContainer<String, SpecificRecord> listener(
      String topic, List<SpecificRecord> received) {
    Map<String, Object> config = KafkaClients.consumerConfig(registryUrl());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
    config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ConfluentAvroDeserializer.class);
    ContainerProperties properties = new ContainerProperties(topic);
    properties.setMessageListener(
        (MessageListener<String, SpecificRecord>) record -> received.add(record.value()));
    ConcurrentMessageListenerContainer<String, SpecificRecord> container =
        new ConcurrentMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(config), properties);
    Map<String, Object> producer = new HashMap<>(KafkaClients.producerConfig(registryUrl()));
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)),
            (record, exception) -> new TopicPartition(Topics.dltName(record.topic()), -1));
    container.setCommonErrorHandler(new DefaultErrorHandler(recoverer, new FixedBackOff(0, 0)));
    return container;
  }

  private byte[] encode(String topic, SyncStarted event) {
    try (ConfluentAvroSerializer serializer = new ConfluentAvroSerializer()) {
      serializer.configure(KafkaClients.producerConfig(registryUrl()), false);
      return serializer.serialize(topic, event);
    }
  }

  private List<ConsumerRecord<String, byte[]>> deadLetters(String dlt, int count) {
    List<ConsumerRecord<String, byte[]>> dead = new CopyOnWriteArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = KafkaClients.rawConsumer(registryUrl())) {
      consumer.subscribe(List.of(dlt));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.size() >= count;
              });
    }
    return dead;
  }

  private static String stackTrace(ConsumerRecord<String, byte[]> record) {
    return new String(
        record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).value(),
        StandardCharsets.UTF_8);
  }
}
