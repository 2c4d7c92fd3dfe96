package io.setsync.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * The real Kafka broker (the {@code kafka_2.13} artifact) in KRaft mode as a child JVM, one node
 * acting as broker and controller, with its log under {@code .local/kafka} so topics and offsets
 * survive a restart.
 */
final class LocalKafka implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final ChildProcess process;

  private LocalKafka(ChildProcess process) {
    this.process = process;
  }

  static LocalKafka start(LocalSettings settings, JavaLauncher java) {
    Path home = settings.dataHome().resolve("kafka");
    Path data = home.resolve("data");
    Path config = home.resolve("server.properties");
    Path log = settings.dataHome().resolve("logs").resolve("kafka.log");
    try {
      Files.createDirectories(data);
      Files.writeString(config, serverProperties(settings, data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Files.exists(data.resolve("meta.properties"))) {
      java.start(
              "kafka-storage-format",
              "kafka.tools.StorageTool",
              List.of(
                  "format",
                  "--cluster-id",
                  Uuid.randomUuid().toString(),
                  "--config",
                  config.toString(),
                  "--ignore-formatted"),
              Map.of(),
              log)
          .awaitSuccess(Duration.ofSeconds(60));
    }
    ChildProcess broker =
        java.start("kafka", "kafka.Kafka", List.of(config.toString()), Map.of(), log);
    LocalKafka kafka = new LocalKafka(broker);
    kafka.awaitReady(settings.kafkaBootstrapServers());
    return kafka;
  }

  private static String serverProperties(LocalSettings settings, Path data) {
    return """
        # Written by the Setsync launcher at every start; edit LocalKafka.java instead.
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:%d
        listeners=PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d
        advertised.listeners=PLAINTEXT://localhost:%d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%s
        num.partitions=6
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        # Services create their topics explicitly (partitions and retention set), as in production.
        auto.create.topics.enable=false
        """
        .formatted(
            settings.kafkaControllerPort(),
            settings.kafkaPort(),
            settings.kafkaControllerPort(),
            settings.kafkaPort(),
            data.toAbsolutePath());
  }

  private void awaitReady(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    try (Admin admin = Admin.create(props)) {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new LaunchException("Kafka exited during start-up; see " + process.logFile());
        }
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not up yet: try again until the deadline
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LaunchException("Interrupted while waiting for Kafka", e);
        }
      }
    }
    throw new LaunchException("Kafka was not ready within " + READY_TIMEOUT);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.stop();
  }
}
