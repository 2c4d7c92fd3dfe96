package io.setsync.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** A running single-node Kafka cluster in KRaft mode. */
interface KafkaServer extends AutoCloseable {

  String KAFKA_IMAGE = "apache/kafka:4.1.1";

  String bootstrapServers();

  static KafkaServer startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.brokerProperties(
        Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.num.partitions", "5",
            "auto.create.topics.enable", "true",
            "log.flush.interval.messages", String.valueOf(Long.MAX_VALUE)));
    broker.afterPropertiesSet();
    String bootstrapServers = broker.getBrokersAsString();
    return new KafkaServer() {
      @Override
      public String bootstrapServers() {
        return bootstrapServers;
      }

      @Override
      public void close() {
        broker.destroy();
      }
    };
  }

  @SuppressWarnings("resource")
  static KafkaServer startContainer() {
    KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
    container.start();
    return new KafkaServer() {
      @Override
      public String bootstrapServers() {
        return container.getBootstrapServers();
      }

      @Override
      public void close() {
        container.stop();
      }
    };
  }
}
