package io.setsync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class TestInfrastructureIntegrationTests {

  @Test
  void aRecordSentAfterTopicCreationIsConsumed() throws Exception {
    String topic = "test-support-" + UUID.randomUUID();
    TestInfrastructure.createTopics(3, topic);

    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "key", "hello")).get();
    }

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<String, String>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
              });
    }

    assertThat(received).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("hello"));
  }

  @Test
  void everyNewDatabaseIsEmptyAndSeparate() {
    PostgresDatabase first = TestInfrastructure.newDatabase();
    PostgresDatabase second = TestInfrastructure.newDatabase();
    JdbcClient.create(first.dataSource()).sql("CREATE TABLE marker (id int)").update();

    assertThat(second.jdbcUrl()).isNotEqualTo(first.jdbcUrl());
    assertThat(
            JdbcClient.create(second.dataSource())
                .sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'")
                .query(Long.class)
                .single())
        .isZero();
  }
}
