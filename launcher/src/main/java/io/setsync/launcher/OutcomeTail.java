package io.setsync.launcher;

import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./setsync events}: prints the events on {@code sync.outcomes} of the local stack as JSON,
 * from the beginning, until Ctrl-C — what a downstream service sees.
 */
public final class OutcomeTail {

  private OutcomeTail() {}

  public static void main(String[] args) {
    LocalSettings settings =
        LocalSettings.from(System.getenv(), Path.of(".").toAbsolutePath().normalize());
    ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
    values.configure(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl()), false);
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            settings.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "setsync-events-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, SpecificRecord> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(Topics.OUTCOMES.name()));
      Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
      while (true) {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofSeconds(1))) {
          System.out.println(
              record.value().getSchema().getName() + " key=" + record.key() + " " + record.value());
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // Ctrl-C
    }
  }
}
