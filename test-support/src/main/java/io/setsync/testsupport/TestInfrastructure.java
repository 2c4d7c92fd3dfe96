package io.setsync.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Kafka broker and PostgreSQL server that integration tests run against, started once per
 * test JVM and shared by every test class in it.
 *
 * <p>With a Docker engine they are Testcontainers; without one (CI here) they are an in-JVM KRaft
 * broker and embedded PostgreSQL binaries. Force either with the system property {@code
 * setsync.test.infrastructure=containers|embedded}.
 *
 * <p>The PostgreSQL databases handed out are migrated with the Setsync changelog whenever it is on
 * the test classpath (add {@code io.setsync:database} as a test dependency).
 */
public final class TestInfrastructure {

  private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(60);

  private TestInfrastructure() {}

  /** Bootstrap servers of the shared broker, starting it on first use. */
  public static String kafkaBootstrapServers() {
    return SharedServers.kafka().bootstrapServers();
  }

  /** The shared, migrated database. Tests that share it use unique ids, never truncate. */
  public static PostgresDatabase postgres() {
    return SharedServers.postgres().sharedDatabase();
  }

  /** A fresh migrated database, for a test class that needs an empty one. */
  public static PostgresDatabase newDatabase() {
    return SharedServers.postgres().createDatabase();
  }

  /** Points a Spring test context at the shared broker and the shared database. */
  public static void registerProperties(DynamicPropertyRegistry registry) {
    registerProperties(registry, postgres());
  }

  /** Points a Spring test context at the shared broker and the given database. */
  public static void registerProperties(DynamicPropertyRegistry registry, PostgresDatabase db) {
    registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.datasource.username", db::username);
    registry.add("spring.datasource.password", db::password);
  }

  /** An admin client on the shared broker; the caller closes it. */
  public static Admin kafkaAdmin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
    return Admin.create(props);
  }

  /**
   * Creates the topics (existing ones are kept) and returns once every partition has a leader: an
   * idempotent producer that sends before that can lose records (KAFKA-15591).
   */
  public static void createTopics(int partitions, String... names) {
    List<NewTopic> topics =
        Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
    try (Admin admin = kafkaAdmin()) {
      for (var entry : admin.createTopics(topics).values().entrySet()) {
        awaitCreated(entry.getKey(), entry.getValue().toCompletionStage().toCompletableFuture());
      }
      Awaitility.await("leaders of " + Arrays.toString(names))
          .atMost(TOPIC_READY_TIMEOUT)
          .ignoreExceptions()
          .until(() -> everyPartitionHasLeader(admin, List.of(names)));
    }
  }

  private static void awaitCreated(String topic, java.util.concurrent.Future<Void> creation) {
    try {
      creation.get(TOPIC_READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out creating topic " + topic, e);
    }
  }

  private static boolean everyPartitionHasLeader(Admin admin, List<String> names)
      throws ExecutionException, InterruptedException {
    Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
    return descriptions.values().stream()
        .flatMap(description -> description.partitions().stream())
        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
  }
}
