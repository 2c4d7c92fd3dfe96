package io.setsync.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.api.TestKafka;
import io.setsync.api.TestRegistry;
import io.setsync.api.kafka.KafkaSettings;
import io.setsync.api.sync.EntityKind;
import io.setsync.events.EntityType;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncRequested;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two relays, as two sync-api instances run them, on one outbox: each row once, in order. */
class OutboxRelayIntegrationTests {

  private static HikariDataSource dataSource;
  private static JdbcClient jdbc;
  private static TransactionTemplate transactions;
  private static OutboxStore store;

  @BeforeAll
  static void database() {
    TestKafka.createTopics();
    PostgresDatabase db = TestInfrastructure.newDatabase();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(db.jdbcUrl());
    dataSource.setUsername(db.username());
    dataSource.setPassword(db.password());
    jdbc = JdbcClient.create(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    store = new OutboxStore(jdbc);
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  @Test
  void twoInstancesPublishEveryRowOnceAndInOrderPerEntity() throws Exception {
    // given 20 entities with 5 requests each, written as the API writes them
    Map<String, List<UUID>> syncIdsByEntity = new LinkedHashMap<>();
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int entity = 0; entity < 20; entity++) {
      UUID entityId = UUID.randomUUID();
      for (int request = 0; request < 5; request++) {
        UUID syncId = UUID.randomUUID();
        Instant at = t.plusMillis(entity * 10L + request);
        transactions.executeWithoutResult(
            status -> {
              insertJob(syncId, entityId, at);
              insertOutboxRow(syncId, OutboxRow.syncRequested(EntityKind.ARTIST, entityId));
            });
        syncIdsByEntity.computeIfAbsent(entityId.toString(), id -> new ArrayList<>()).add(syncId);
      }
    }
    OutboxRelay first = relay(2);
    OutboxRelay second = relay(3);

    // when both run rounds until the outbox is empty
    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first));
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second));
    a.get();
    b.get();
    first.stop();
    second.stop();

    // then
    Set<String> entities = syncIdsByEntity.keySet();
    List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
    try (KafkaConsumer<String, SpecificRecord> consumer =
        TestKafka.consumer(
            TestInfrastructure.kafkaBootstrapServers(),
            Topics.requested(EntityType.ARTIST).name())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(consumer, entities::contains, records);
                assertThat(records).hasSizeGreaterThanOrEqualTo(100);
              });
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(consumer, entities::contains, records);
                assertThat(records).hasSize(100);
              });
    }
    Map<String, List<UUID>> published =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    LinkedHashMap::new,
                    Collectors.mapping(
                        record -> ((SyncRequested) record.value()).getSyncId(),
                        Collectors.toList())));
    assertThat(published).isEqualTo(syncIdsByEntity);
  }

  @Test
  void publishesTheSyncFailedOfAJobTheSweeperTimedOut() throws Exception {
    // given a job failed by the sweeper, with its row on sync.outcomes as the sweep writes it
    UUID syncId = UUID.randomUUID();
    UUID entityId = UUID.randomUUID();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant sweptAt = at.plus(Duration.ofMinutes(16));
    transactions.executeWithoutResult(
        status -> {
          insertJob(syncId, entityId, at);
          jdbc.sql(
                  """
                  UPDATE sync_jobs SET status = 'failed', error_code = 'TIMED_OUT',
                      error_message = 'No progress for 900 s while queued or running',
                      attempts = 2, status_at = ?, finished_at = ?
                  WHERE id = ?
                  """)
              .param(Timestamp.from(sweptAt))
              .param(Timestamp.from(sweptAt))
              .param(syncId)
              .update();
          insertOutboxRow(
              syncId,
              new OutboxRow(UUID.randomUUID(), Topics.OUTCOMES.name(), Topics.key(entityId)));
        });

    // when
    OutboxRelay relay = relay(10);
    drain(relay);
    relay.stop();

    // then
    List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
    try (KafkaConsumer<String, SpecificRecord> consumer =
        TestKafka.consumer(TestInfrastructure.kafkaBootstrapServers(), Topics.OUTCOMES.name())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(consumer, Topics.key(entityId)::equals, records);
                assertThat(records).hasSize(1);
              });
    }
    assertThat(records.get(0).value())
        .isInstanceOfSatisfying(
            SyncFailed.class,
            failed -> {
              assertThat(failed.getSyncId()).isEqualTo(syncId);
              assertThat(failed.getEntityId()).isEqualTo(entityId);
              assertThat(failed.getEntityType()).isEqualTo(EntityType.ARTIST);
              assertThat(failed.getErrorCode()).isEqualTo(SyncErrorCode.TIMED_OUT);
              assertThat(failed.getErrorMessage()).startsWith("No progress for 900 s");
              assertThat(failed.getFinal$()).isTrue();
              assertThat(failed.getRetryable()).isFalse();
              assertThat(failed.getAttempt()).isEqualTo(2);
              assertThat(failed.getOccurredAt()).isEqualTo(sweptAt);
              assertThat(failed.getProducer()).isEqualTo(Outbox.PRODUCER);
            });
  }

  @Test
  void rowsWrittenWhileARoundLingersArePublishedTogether() {
    // given a running relay that lingers 2 s after a round that published rows
    MeterRegistry meters = new SimpleMeterRegistry();
    OutboxRelay relay = relay(100, Duration.ofSeconds(2), meters);
    DistributionSummary rounds = meters.get("setsync.outbox.round.rows").summary();
    relay.start();
    try {
      // when one request is published, and five more commit one by one while it lingers
      queueRequest(relay);
      await().atMost(Duration.ofSeconds(10)).until(() -> rounds.count() == 1);
      for (int request = 0; request < 5; request++) {
        queueRequest(relay);
      }

      // then the five share the next round
      await().atMost(Duration.ofSeconds(10)).until(() -> store.backlog().rows() == 0);
      await().atMost(Duration.ofSeconds(5)).until(() -> rounds.totalAmount() == 6);
      assertThat(rounds.count()).isEqualTo(2);
      assertThat(rounds.max()).isEqualTo(5);
    } finally {
      relay.stop();
    }
  }

  private static void queueRequest(OutboxRelay relay) {
    UUID syncId = UUID.randomUUID();
    UUID entityId = UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          insertJob(syncId, entityId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
          insertOutboxRow(syncId, OutboxRow.syncRequested(EntityKind.ARTIST, entityId));
        });
    relay.wakeUp();
  }

  private static void drain(OutboxRelay relay) {
    while (store.backlog().rows() > 0) {
      OutboxRelay.Round round = relay.publishRound();
      assertThat(round.failure()).isNull();
    }
  }

  private static OutboxRelay relay(int batchSize) {
    return relay(batchSize, Duration.ZERO, new SimpleMeterRegistry());
  }

  private static OutboxRelay relay(int batchSize, Duration batchLinger, MeterRegistry meters) {
    OutboxSettings settings =
        new OutboxSettings(
            batchSize,
            Duration.ofMillis(50),
            batchLinger,
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5));
    KafkaProperties kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(TestInfrastructure.kafkaBootstrapServers()));
    OutboxProducers producers =
        new OutboxProducers(
            kafka,
            new KafkaSettings(TestRegistry.url(), 6, Duration.ofSeconds(10), Duration.ofSeconds(1)),
            settings);
    return new OutboxRelay(store, transactions, producers, () -> true, settings, meters);
  }

  private static void insertOutboxRow(UUID syncId, OutboxRow row) {
    jdbc.sql(
            """
            INSERT INTO sync_outbox (event_id, sync_id, topic, message_key)
            VALUES (?, ?, ?, ?)
            """)
        .param(row.eventId())
        .param(syncId)
        .param(row.topic())
        .param(row.messageKey())
        .update();
  }

  private static void insertJob(UUID syncId, UUID entityId, Instant at) {
    jdbc.sql(
            """
            INSERT INTO sync_jobs (id, entity_type, entity_id, root_sync_id, reason, status,
                                   requested_at, status_at)
            VALUES (?, ?, ?, ?, 'USER', 'queued', ?, ?)
            """)
        .param(syncId)
        .param(EntityKind.ARTIST.apiName())
        .param(entityId)
        .param(syncId)
        .param(Timestamp.from(at))
        .param(Timestamp.from(at))
        .update();
  }
}
