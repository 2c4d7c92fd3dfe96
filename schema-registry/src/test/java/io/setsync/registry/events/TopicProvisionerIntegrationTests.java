package io.setsync.registry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.setsync.events.SyncStarted;
import io.setsync.schemas.topic.Topic;
import io.setsync.schemas.topic.TopicProvisioner;
import io.setsync.schemas.topic.TopicProvisioningException;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TopicProvisionerIntegrationTests {

  @Test
  void createsMissingTopicsAndReturnsWhenEveryPartitionHasALeader() throws Exception {
    // given
    Topic<?> topic = topic(3);
    Topic<?> dlt = topic.dlt();

    try (Admin admin = TestInfrastructure.kafkaAdmin()) {
      // when
      new TopicProvisioner(admin).provision(topic, dlt);

      // then
      Map<String, TopicDescription> described =
          admin.describeTopics(List.of(topic.name(), dlt.name())).allTopicNames().get();
      assertThat(described.get(topic.name()).partitions())
          .hasSize(3)
          .allSatisfy(partition -> assertThat(partition.leader()).isNotNull());
      assertThat(described.get(dlt.name()).partitions()).hasSize(3);
    }

    // and: an idempotent producer can send at once (MEASURED.md pitfall)
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000),
            new StringSerializer(),
            new StringSerializer())) {
      for (int partition = 0; partition < 3; partition++) {
        producer
            .send(new ProducerRecord<>(topic.name(), partition, "k", "v"))
            .get(15, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void leavesExistingTopicsAsTheyAre() throws Exception {
    // given
    Topic<?> topic = topic(2);
    try (Admin admin = TestInfrastructure.kafkaAdmin()) {
      new TopicProvisioner(admin).provision(topic);

      // when: provisioned again, asking for more partitions
      new TopicProvisioner(admin).provision(topic.withPartitions(4));

      // then
      assertThat(
              admin
                  .describeTopics(List.of(topic.name()))
                  .allTopicNames()
                  .get()
                  .get(topic.name())
                  .partitions())
          .hasSize(2);
    }
  }

  @Test
  void unreachableBrokerIsAClearErrorAfterTheTimeout() {
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:1",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                200));
    try {
      TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(2));

      assertThatThrownBy(() -> provisioner.provision(topic(1)))
          .isInstanceOf(TopicProvisioningException.class)
          .hasMessageContaining("Timed out after PT2S listing topics");
    } finally {
      // Its pending request would otherwise hold close() for default.api.timeout.ms.
      admin.close(Duration.ZERO);
    }
  }

  private static Topic<?> topic(int partitions) {
    return new Topic<>(
        "provisioned-" + UUID.randomUUID(),
        SyncStarted.class,
        List.of(SyncStarted.class),
        partitions);
  }
}
