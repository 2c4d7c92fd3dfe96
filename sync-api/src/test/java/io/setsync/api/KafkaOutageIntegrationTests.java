package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.events.EntityType;
import io.setsync.events.SyncRequested;
import io.setsync.schemas.topic.Topic;
import io.setsync.schemas.topic.TopicProvisioner;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Kafka becomes unreachable, requests are still accepted, Kafka comes back: every event is
 * published once and in order per entity. The shared test broker cannot be stopped, so this class
 * runs sync-api against a broker of its own that advertises a TCP proxy, and cuts the proxy.
 */
class KafkaOutageIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();
  private static final int PORT = TcpProxy.freePort();
  private static final EmbeddedKafkaKraftBroker BROKER = startBroker();
  private static final TcpProxy PROXY = startProxy();

  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
    registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PORT);
    registry.add("setsync.security.rate-limit.burst", () -> "1000");
    registry.add("setsync.outbox.send-timeout", () -> "10s");
    registry.add("setsync.outbox.max-backoff", () -> "1s");
  }

  @AfterAll
  static void stopBroker() {
    PROXY.close();
    BROKER.destroy();
  }

  @Test
  void acceptsRequestsWhileKafkaIsDownAndPublishesEachOnceInOrderWhenItIsBack() {
    // given sync-api publishing normally
    String token = TestTokens.valid();
    String before =
        api()
            .postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId()))
            .json()
            .path("entityId")
            .asString();
    try (KafkaConsumer<String, SpecificRecord> consumer = consumer()) {
      List<ConsumerRecord<String, SpecificRecord>> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(consumer, before::equals, seen);
                assertThat(seen).hasSize(1);
              });
    }

    // when Kafka becomes unreachable and clients ask for three syncs of each of five artists
    PROXY.cut();
    Map<String, List<String>> syncIdsByEntity = new LinkedHashMap<>();
    for (int artist = 0; artist < 5; artist++) {
      String spotifyId = ApiClient.newSpotifyId();
      for (int sync = 0; sync < 3; sync++) {
        ApiClient.Answer answer =
            api()
                .postSync(
                    token,
                    """
                    {"entityType":"artist","spotifyId":"%s","options":{"forceRefresh":true}}"""
                        .formatted(spotifyId));
        assertThat(answer.status()).isEqualTo(202);
        JsonNode body = answer.json();
        syncIdsByEntity
            .computeIfAbsent(body.path("entityId").asString(), id -> new ArrayList<>())
            .add(body.path("syncId").asString());
      }
    }

    // then the requests wait in the outbox while the relay's sends fail
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(meters.get("setsync.outbox.send.failures").counter().count()).isPositive();
              assertThat(outboxRows()).isEqualTo(15);
            });

    // when Kafka is back
    PROXY.start();

    // then every event is published once, in request order per entity
    Set<String> entities = syncIdsByEntity.keySet();
    List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
    try (KafkaConsumer<String, SpecificRecord> consumer = consumer()) {
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(consumer, entities::contains, records);
                assertThat(records).hasSizeGreaterThanOrEqualTo(15);
                assertThat(outboxRows()).isZero();
              });
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(consumer, entities::contains, records);
                assertThat(records).hasSize(15);
              });
    }
    Map<String, List<String>> publishedByEntity =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    LinkedHashMap::new,
                    Collectors.mapping(
                        record -> ((SyncRequested) record.value()).getSyncId().toString(),
                        Collectors.toList())));
    assertThat(publishedByEntity).isEqualTo(syncIdsByEntity);
  }

  private long outboxRows() {
    return jdbc().sql("SELECT count(*) FROM sync_outbox").query(Long.class).single();
  }

  private static KafkaConsumer<String, SpecificRecord> consumer() {
    return TestKafka.consumer("localhost:" + PORT, Topics.requested(EntityType.ARTIST).name());
  }

  private static EmbeddedKafkaKraftBroker startBroker() {
    EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
    started.brokerProperties(
        Map.of(
            "advertised.listeners", "EXTERNAL://localhost:" + PORT,
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.num.partitions", "5",
            "auto.create.topics.enable", "false"));
    started.afterPropertiesSet();
    return started;
  }

  private static TcpProxy startProxy() {
    String[] target = BROKER.getBrokersAsString().split(",")[0].split(":");
    TcpProxy proxy = new TcpProxy(PORT, target[0], Integer.parseInt(target[1]));
    proxy.start();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + PORT);
    try (Admin admin = Admin.create(props)) {
      List<Topic<?>> topics = new ArrayList<>();
      TestKafka.createTopics(
          (partitions, names) -> {
            for (String name : names) {
              topics.add(
                  new Topic<>(name, SyncRequested.class, List.of(SyncRequested.class), partitions));
            }
          });
      new TopicProvisioner(admin).provision(topics);
    }
    return proxy;
  }
}
