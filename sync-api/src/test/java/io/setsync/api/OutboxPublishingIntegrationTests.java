package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** POST → outbox → the SyncRequested on its topic, as any Confluent-format consumer reads it. */
class OutboxPublishingIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
    registry.add("setsync.security.rate-limit.burst", () -> "1000");
  }

  @Test
  void publishesTheRequestedSyncKeyedByEntityWithEveryField() {
    // given
    String subject = "frontend-" + UUID.randomUUID();
    String spotifyId = ApiClient.newSpotifyId();
    String ticketmasterId = "K8vZ" + System.nanoTime();
    String topic = Topics.requested(EntityType.ARTIST).name();

    try (KafkaConsumer<String, SpecificRecord> consumer =
        TestKafka.consumer(TestInfrastructure.kafkaBootstrapServers(), topic)) {
      // when
      ApiClient.Answer answer =
          api()
              .postSync(
                  TestTokens.forSubject(subject, "sync:write"),
                  """
                  {"entityType":"artist","spotifyId":"%s","ticketmasterId":"%s",
                   "options":{"skipDependencies":true,"forceRefresh":false}}"""
                      .formatted(spotifyId, ticketmasterId));

      // then
      assertThat(answer.status()).isEqualTo(202);
      UUID syncId = UUID.fromString(answer.json().path("syncId").asString());
      UUID entityId = UUID.fromString(answer.json().path("entityId").asString());
      List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(consumer, entityId.toString()::equals, records);
                assertThat(records).hasSize(1);
              });
      ConsumerRecord<String, SpecificRecord> record = records.get(0);
      assertThat(record.key()).isEqualTo(entityId.toString());
      assertThat(record.value()).isInstanceOf(SyncRequested.class);
      SyncRequested event = (SyncRequested) record.value();
      Instant requestedAt =
          jdbc()
              .sql("SELECT requested_at FROM sync_jobs WHERE id = ?")
              .param(syncId)
              .query(java.sql.Timestamp.class)
              .single()
              .toInstant();
      assertThat(event.getEventId()).isNotNull();
      assertThat(event.getSyncId()).isEqualTo(syncId);
      assertThat(event.getRootSyncId()).isEqualTo(syncId);
      assertThat(event.getParentSyncId()).isNull();
      assertThat(event.getEntityType()).isEqualTo(EntityType.ARTIST);
      assertThat(event.getEntityId()).isEqualTo(entityId);
      assertThat(event.getOccurredAt()).isEqualTo(requestedAt);
      assertThat(event.getProducer()).isEqualTo("sync-api");
      assertThat(event.getSpotifyId()).isEqualTo(spotifyId);
      assertThat(event.getTicketmasterId()).isEqualTo(ticketmasterId);
      assertThat(event.getReason()).isEqualTo(SyncReason.USER);
      assertThat(event.getOptions().getSkipDependencies()).isTrue();
      assertThat(event.getOptions().getForceRefresh()).isFalse();
      assertThat(event.getRequestedBy()).isEqualTo(subject);
      assertThat(event.getAttempt()).isEqualTo(1);
      assertThat(event.getSnapshot()).isNull();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  jdbc()
                          .sql("SELECT count(*) FROM sync_outbox WHERE sync_id = ?")
                          .param(syncId)
                          .query(Long.class)
                          .single()
                      == 0);
    }
  }

  @Test
  void fiftyConcurrentIdenticalRequestsMakeOneJobAndOneEvent() throws Exception {
    // given
    String spotifyId = ApiClient.newSpotifyId();
    String token = TestTokens.valid();
    String body = ApiClient.artistBySpotifyId(spotifyId);
    String topic = Topics.requested(EntityType.ARTIST).name();

    try (KafkaConsumer<String, SpecificRecord> consumer =
        TestKafka.consumer(TestInfrastructure.kafkaBootstrapServers(), topic)) {
      // when
      List<ApiClient.Answer> answers = concurrently(50, i -> api().postSync(token, body));

      // then
      assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(202);
      Set<String> syncIds =
          Set.copyOf(answers.stream().map(a -> a.json().path("syncId").asString()).toList());
      assertThat(syncIds).hasSize(1);
      assertThat(answers.stream().filter(a -> !a.json().path("coalesced").asBoolean())).hasSize(1);
      String entityId = answers.get(0).json().path("entityId").asString();
      assertThat(
              jdbc()
                  .sql("SELECT count(*) FROM sync_jobs WHERE entity_id = ?::uuid")
                  .param(entityId)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(artistsWithSpotifyId(spotifyId)).isEqualTo(1);
      assertExactlyOneEvent(consumer, entityId);
    }
  }

  @Test
  void concurrentIdenticalRequestsForAnExistingEntityMakeOneJobAndOneEvent() throws Exception {
    // given a venue named by its Ticketmaster id and an artist by its entity id
    String token = TestTokens.valid();
    String venueTicketmasterId = "KovZ" + UUID.randomUUID();
    UUID venueId =
        jdbc()
            .sql("INSERT INTO venues (ticketmaster_id) VALUES (?) RETURNING id")
            .param(venueTicketmasterId)
            .query(UUID.class)
            .single();
    UUID artistId =
        jdbc()
            .sql("INSERT INTO artists (spotify_id) VALUES (?) RETURNING id")
            .param(ApiClient.newSpotifyId())
            .query(UUID.class)
            .single();
    String venue =
        """
        {"entityType":"venue","ticketmasterId":"%s"}"""
            .formatted(venueTicketmasterId);
    String artist =
        """
        {"entityType":"artist","entityId":"%s"}"""
            .formatted(artistId);

    try (KafkaConsumer<String, SpecificRecord> venues =
            TestKafka.consumer(
                TestInfrastructure.kafkaBootstrapServers(),
                Topics.requested(EntityType.VENUE).name());
        KafkaConsumer<String, SpecificRecord> artists =
            TestKafka.consumer(
                TestInfrastructure.kafkaBootstrapServers(),
                Topics.requested(EntityType.ARTIST).name())) {
      // when
      List<ApiClient.Answer> answers =
          concurrently(40, i -> api().postSync(token, i % 2 == 0 ? venue : artist));

      // then
      assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(202);
      for (UUID entityId : List.of(venueId, artistId)) {
        List<JsonNode> forEntity =
            answers.stream()
                .map(ApiClient.Answer::json)
                .filter(json -> json.path("entityId").asString().equals(entityId.toString()))
                .toList();
        assertTwentyAnswersOfOneJob(forEntity, entityId);
      }
      assertExactlyOneEvent(venues, venueId.toString());
      assertExactlyOneEvent(artists, artistId.toString());
    }
  }

  @Test
  void concurrentRequestsForANewShowAndVenueByTicketmasterIdMakeOneRowOneJobAndOneEventEach()
      throws Exception {
    // given a show and a venue named by Ticketmaster ids no row has yet
    String token = TestTokens.valid();
    Map<EntityType, String> ticketmasterIds =
        Map.of(
            EntityType.SHOW, "vvG1show-" + UUID.randomUUID(),
            EntityType.VENUE, "KovZvenue-" + UUID.randomUUID());
    String show =
        """
        {"entityType":"show","ticketmasterId":"%s"}"""
            .formatted(ticketmasterIds.get(EntityType.SHOW));
    String venue =
        """
        {"entityType":"venue","ticketmasterId":"%s"}"""
            .formatted(ticketmasterIds.get(EntityType.VENUE));

    try (KafkaConsumer<String, SpecificRecord> shows =
            TestKafka.consumer(
                TestInfrastructure.kafkaBootstrapServers(),
                Topics.requested(EntityType.SHOW).name());
        KafkaConsumer<String, SpecificRecord> venues =
            TestKafka.consumer(
                TestInfrastructure.kafkaBootstrapServers(),
                Topics.requested(EntityType.VENUE).name())) {
      // when
      List<ApiClient.Answer> answers =
          concurrently(40, i -> api().postSync(token, i % 2 == 0 ? show : venue));

      // then
      assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(202);
      for (EntityType type : List.of(EntityType.SHOW, EntityType.VENUE)) {
        String kind = type.name().toLowerCase(Locale.ROOT);
        String ticketmasterId = ticketmasterIds.get(type);
        List<UUID> rows =
            jdbc()
                .sql("SELECT id FROM %ss WHERE ticketmaster_id = ?".formatted(kind))
                .param(ticketmasterId)
                .query(UUID.class)
                .list();
        assertThat(rows).hasSize(1);
        UUID entityId = rows.get(0);
        List<JsonNode> forEntity =
            answers.stream()
                .map(ApiClient.Answer::json)
                .filter(json -> json.path("entityType").asString().equals(kind))
                .toList();
        assertThat(forEntity)
            .extracting(json -> json.path("entityId").asString())
            .containsOnly(entityId.toString());
        assertTwentyAnswersOfOneJob(forEntity, entityId);
        SyncRequested event =
            assertExactlyOneEvent(type == EntityType.SHOW ? shows : venues, entityId.toString());
        assertThat(event.getEntityType()).isEqualTo(type);
        assertThat(event.getEntityId()).isEqualTo(entityId);
        assertThat(event.getSyncId().toString())
            .isEqualTo(forEntity.get(0).path("syncId").asString());
        assertThat(event.getTicketmasterId()).isEqualTo(ticketmasterId);
        assertThat(event.getSpotifyId()).isNull();
      }
    }
  }

  @Test
  void fiftyConcurrentRetriesWithOneIdempotencyKeyGetOneAnswer() throws Exception {
    // given
    String token = TestTokens.valid();
    String key = UUID.randomUUID().toString();
    String body =
        """
        {"entityType":"artist","spotifyId":"%s","options":{"forceRefresh":true}}"""
            .formatted(ApiClient.newSpotifyId());
    String topic = Topics.requested(EntityType.ARTIST).name();

    try (KafkaConsumer<String, SpecificRecord> consumer =
        TestKafka.consumer(TestInfrastructure.kafkaBootstrapServers(), topic)) {
      // when: forceRefresh would make a job per request, were it not for the key
      List<ApiClient.Answer> answers = concurrently(50, i -> api().postSync(token, body, key));

      // then
      assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(202);
      List<JsonNode> bodies = answers.stream().map(ApiClient.Answer::json).toList();
      assertThat(Set.copyOf(bodies)).hasSize(1);
      assertThat(bodies.get(0).path("coalesced").asBoolean()).isFalse();
      assertExactlyOneEvent(consumer, bodies.get(0).path("entityId").asString());
    }
  }

  /** The one event keyed by the entity; fails if there is none or more than one. */
  /** Twenty answers, one job: made by exactly one of them, joined by the others, one row. */
  private void assertTwentyAnswersOfOneJob(List<JsonNode> answers, UUID entityId) {
    assertThat(answers).hasSize(20);
    assertThat(Set.copyOf(answers.stream().map(a -> a.path("syncId").asString()).toList()))
        .hasSize(1);
    assertThat(answers.stream().filter(a -> !a.path("coalesced").asBoolean())).hasSize(1);
    assertThat(
            jdbc()
                .sql("SELECT count(*) FROM sync_jobs WHERE entity_id = ?")
                .param(entityId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private static SyncRequested assertExactlyOneEvent(
      KafkaConsumer<String, SpecificRecord> consumer, String entityId) {
    List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              TestKafka.pollInto(consumer, entityId::equals, records);
              assertThat(records).isNotEmpty();
            });
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              TestKafka.pollInto(consumer, entityId::equals, records);
              assertThat(records).hasSize(1);
            });
    assertThat(records.get(0).value()).isInstanceOf(SyncRequested.class);
    return (SyncRequested) records.get(0).value();
  }

  /** Makes {@code count} calls at once; each gets its index. */
  private static List<ApiClient.Answer> concurrently(
      int count, java.util.function.IntFunction<ApiClient.Answer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<ApiClient.Answer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return call.apply(index);
                },
                pool));
      }
      start.countDown();
      List<ApiClient.Answer> answers = new ArrayList<>();
      for (CompletableFuture<ApiClient.Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
