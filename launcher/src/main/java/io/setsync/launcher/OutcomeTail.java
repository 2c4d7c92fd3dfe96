package io.setsync.launcher;

import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.schemas.topic.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
    OptionalInt exit = handleArguments(List.of(args), System.out, System.err);
    if (exit.isPresent()) {
      System.exit(exit.getAsInt());
    }
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

  /**
   * The exit status when the arguments ask for no tail: 0 after printing the usage for {@code -h}
   * or {@code --help}, 2 after printing it to {@code err} for anything else. Empty without
   * arguments: then tail.
   */
  static OptionalInt handleArguments(List<String> args, PrintStream out, PrintStream err) {
    for (String arg : args) {
      if (!arg.equals("-h") && !arg.equals("--help")) {
        err.println("unknown argument: " + arg);
        err.print(usage());
        return OptionalInt.of(2);
      }
    }
    if (args.isEmpty()) {
      return OptionalInt.empty();
    }
    out.print(usage());
    return OptionalInt.of(0);
  }

  private static String usage() {
    LocalSettings defaults = LocalSettings.from(Map.of(), Path.of("."));
    return """
        usage: ./setsync events [-h | --help]
        Prints the events on %s of the local system (./setsync up), from the beginning,
        decoded, one line each: <event type> key=<record key> <event as JSON>. Ctrl-C stops.

        Environment:
          SETSYNC_KAFKA_PORT            Kafka broker on localhost (default %d)
          SETSYNC_SCHEMA_REGISTRY_PORT  schema registry on localhost (default %d)
        """
        .formatted(Topics.OUTCOMES.name(), defaults.kafkaPort(), defaults.schemaRegistryPort());
  }
}
