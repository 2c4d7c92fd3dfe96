package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.api.outbox.Outbox;
import io.setsync.events.EntityType;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncReason;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Outcomes on real topics → sync_jobs, lineage and the entities' sync columns. */
class StatusProjectorIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();
  private static final String OUTCOMES = Topics.OUTCOMES.name();

  private static KafkaProducer<String, SpecificRecord> producer;

  @Autowired private ConsumerFactory<?, ?> consumers;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
    registry.add("setsync.security.rate-limit.burst", () -> "1000");
  }

  @BeforeAll
  static void startProducer() {
    producer = TestKafka.producer(TestInfrastructure.kafkaBootstrapServers());
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Test
  void fetchesInLargeBatchesButWaitsOnlyBrieflyForThem() {
    // when
    Map<String, Object> config = consumers.getConfigurationProperties();

    // then
    assertThat(String.valueOf(config.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)))
        .isEqualTo("65536");
    assertThat(String.valueOf(config.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))).isEqualTo("30");
    assertThat(String.valueOf(config.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)))
        .isEqualTo("2000");
  }

  @Test
  void projectsARequestedStartedCompletedSyncOntoTheJobAndTheArtist() {
    // given
    String token = TestTokens.valid();
    JsonNode accepted =
        api().postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId())).json();
    UUID syncId = UUID.fromString(accepted.path("syncId").asString());
    UUID artistId = UUID.fromString(accepted.path("entityId").asString());
    TestEvents.Job job = new TestEvents.Job(syncId, syncId, null, EntityType.ARTIST, artistId);
    Instant started = now().plusSeconds(1);
    Instant finished = started.plusSeconds(2);

    // when
    send(OUTCOMES, artistId, TestEvents.started(job, started, 1));
    send(OUTCOMES, artistId, TestEvents.completed(job, started, finished));

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode sync = api().get("/api/v1/syncs/" + syncId, token).json();
              assertThat(sync.path("status").asString()).isEqualTo("completed");
              assertThat(Instant.parse(sync.path("startedAt").asString())).isEqualTo(started);
              assertThat(Instant.parse(sync.path("finishedAt").asString())).isEqualTo(finished);
              assertThat(sync.path("attempts").asInt()).isEqualTo(1);
              assertThat(sync.path("error").isNull()).isTrue();
            });
    JsonNode status = api().get("/api/v1/artists/" + artistId + "/sync-status", token).json();
    assertThat(status.path("syncStatus").asString()).isEqualTo("synced");
    assertThat(Instant.parse(status.path("lastSync").asString())).isEqualTo(finished);
    assertThat(status.path("lastSyncError").isNull()).isTrue();
  }

  @Test
  void keepsARetriedJobRunningWithItsAttemptsAndFailsItOnTheFinalFailure() {
    // given
    UUID venueId = insertVenue();
    TestEvents.Job job = TestEvents.Job.root(EntityType.VENUE, venueId);
    Instant t = now();
    String token = TestTokens.valid();

    // when a first attempt fails and may be retried
    send(
        Topics.requested(EntityType.VENUE).name(),
        venueId,
        TestEvents.requested(job, t, SyncReason.USER));
    send(OUTCOMES, venueId, TestEvents.started(job, t.plusSeconds(1), 1));
    send(
        OUTCOMES,
        venueId,
        TestEvents.failed(
            job, t.plusSeconds(2), 1, false, SyncErrorCode.UPSTREAM_UNAVAILABLE, "503"));
    send(OUTCOMES, venueId, TestEvents.started(job, t.plusSeconds(3), 2));

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode sync = api().get("/api/v1/syncs/" + job.syncId(), token).json();
              assertThat(sync.path("status").asString()).isEqualTo("running");
              assertThat(sync.path("attempts").asInt()).isEqualTo(2);
              assertThat(
                      api()
                          .get("/api/v1/venues/" + venueId + "/sync-status", token)
                          .json()
                          .path("syncStatus")
                          .asString())
                  .isEqualTo("syncing");
            });

    // when the second attempt fails for good
    send(
        OUTCOMES,
        venueId,
        TestEvents.failed(
            job, t.plusSeconds(4), 2, true, SyncErrorCode.NOT_FOUND, "no such venue"));

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode sync = api().get("/api/v1/syncs/" + job.syncId(), token).json();
              assertThat(sync.path("status").asString()).isEqualTo("failed");
              assertThat(sync.path("error").path("code").asString()).isEqualTo("NOT_FOUND");
              assertThat(sync.path("error").path("message").asString()).isEqualTo("no such venue");
              JsonNode venue =
                  api().get("/api/v1/venues/" + venueId + "/sync-status", token).json();
              assertThat(venue.path("syncStatus").asString()).isEqualTo("failed");
              assertThat(venue.path("lastSyncError").asString())
                  .isEqualTo("NOT_FOUND: no such venue");
            });
  }

  @Test
  void endsInTheRightStateWhateverTheOrderAndDuplicatesOfEvents() {
    // given
    UUID venueId = insertVenue();
    TestEvents.Job job = TestEvents.Job.root(EntityType.VENUE, venueId);
    Instant t = now();
    var requested = TestEvents.requested(job, t, SyncReason.USER);
    var started = TestEvents.started(job, t.plusSeconds(1), 1);
    var completed = TestEvents.completed(job, t.plusSeconds(1), t.plusSeconds(5));
    String token = TestTokens.valid();

    // when: completion first, then the older events, each twice
    send(OUTCOMES, venueId, completed);
    send(OUTCOMES, venueId, started);
    send(Topics.requested(EntityType.VENUE).name(), venueId, requested);
    send(OUTCOMES, venueId, started);
    send(OUTCOMES, venueId, completed);
    send(Topics.requested(EntityType.VENUE).name(), venueId, requested);

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode sync = api().get("/api/v1/syncs/" + job.syncId(), token).json();
              assertThat(sync.path("status").asString()).isEqualTo("completed");
              assertThat(sync.path("reason").asString()).isEqualTo("USER");
              assertThat(Instant.parse(sync.path("requestedAt").asString())).isEqualTo(t);
              assertThat(sync.path("attempts").asInt()).isEqualTo(1);
              JsonNode venue =
                  api().get("/api/v1/venues/" + venueId + "/sync-status", token).json();
              assertThat(venue.path("syncStatus").asString()).isEqualTo("synced");
            });
  }

  @Test
  void leavesTheApisOwnRequestsToTheTransactionThatWroteThem() {
    // given a SyncRequested from sync-api whose job is not in the database (it never is: the
    // request's transaction writes the job with the outbox row), then a worker's on the same
    // partition
    UUID venueId = insertVenue();
    TestEvents.Job own = TestEvents.Job.root(EntityType.VENUE, venueId);
    TestEvents.Job cascaded = TestEvents.Job.root(EntityType.VENUE, venueId);
    var ownRequest = TestEvents.requested(own, now(), SyncReason.USER);
    ownRequest.put("producer", Outbox.PRODUCER);
    String topic = Topics.requested(EntityType.VENUE).name();
    String token = TestTokens.valid();

    // when
    send(topic, venueId, ownRequest);
    send(topic, venueId, TestEvents.requested(cascaded, now(), SyncReason.CASCADE));

    // then the worker's is projected, and sync-api's, read before it, was skipped
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(api().get("/api/v1/syncs/" + cascaded.syncId(), token).status())
                    .isEqualTo(200));
    assertThat(api().get("/api/v1/syncs/" + own.syncId(), token).status()).isEqualTo(404);
  }

  @Test
  void countsCascadedChildrenAndCompletesTheRootOnlyWhenAllHaveFinished() {
    // given an artist sync that cascaded to two shows, one of which cascaded to a venue
    UUID artistId = insertArtist();
    UUID venueId = insertVenue();
    TestEvents.Job root = TestEvents.Job.root(EntityType.ARTIST, artistId);
    TestEvents.Job show1 = root.child(EntityType.SHOW, UUID.randomUUID());
    TestEvents.Job show2 = root.child(EntityType.SHOW, UUID.randomUUID());
    TestEvents.Job venue = show1.child(EntityType.VENUE, venueId);
    Instant t = now();
    String token = TestTokens.valid();
    String shows = Topics.requested(EntityType.SHOW).name();
    send(
        Topics.requested(EntityType.ARTIST).name(),
        artistId,
        TestEvents.requested(root, t, SyncReason.USER));
    send(OUTCOMES, artistId, TestEvents.started(root, t.plusSeconds(1), 1));
    send(
        shows, show1.entityId(), TestEvents.requested(show1, t.plusSeconds(2), SyncReason.CASCADE));
    send(
        shows, show2.entityId(), TestEvents.requested(show2, t.plusSeconds(2), SyncReason.CASCADE));
    send(OUTCOMES, artistId, TestEvents.completed(root, t.plusSeconds(1), t.plusSeconds(3)));

    // when the children are still pending, then the root is running
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode sync = api().get("/api/v1/syncs/" + root.syncId(), token).json();
              assertThat(sync.path("status").asString()).isEqualTo("running");
              assertThat(sync.path("finishedAt").isNull()).isTrue();
              assertThat(sync.path("children").path("total").asInt()).isEqualTo(2);
              assertThat(sync.path("children").path("pending").asInt()).isEqualTo(2);
            });

    // when one show completes after cascading to a venue, and the other fails
    send(shows, show1.entityId(), TestEvents.completed(show1, t.plusSeconds(4), t.plusSeconds(5)));
    send(
        Topics.requested(EntityType.VENUE).name(),
        venueId,
        TestEvents.requested(venue, t.plusSeconds(5), SyncReason.CASCADE));
    send(
        OUTCOMES,
        show2.entityId(),
        TestEvents.failed(show2, t.plusSeconds(6), 1, true, SyncErrorCode.NOT_FOUND, "gone"));
    send(
        OUTCOMES,
        show1.entityId(),
        TestEvents.completed(show1, t.plusSeconds(4), t.plusSeconds(5)));

    // then the venue keeps the root running
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode sync = api().get("/api/v1/syncs/" + root.syncId(), token).json();
              assertThat(sync.path("status").asString()).isEqualTo("running");
              assertThat(sync.path("children").path("total").asInt()).isEqualTo(3);
              assertThat(sync.path("children").path("completed").asInt()).isEqualTo(1);
              assertThat(sync.path("children").path("failed").asInt()).isEqualTo(1);
              assertThat(sync.path("children").path("pending").asInt()).isEqualTo(1);
            });

    // when the venue completes
    send(OUTCOMES, venueId, TestEvents.completed(venue, t.plusSeconds(7), t.plusSeconds(8)));

    // then the root is completed, its failed child counted apart
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode sync = api().get("/api/v1/syncs/" + root.syncId(), token).json();
              assertThat(sync.path("status").asString()).isEqualTo("completed");
              assertThat(Instant.parse(sync.path("finishedAt").asString()))
                  .isEqualTo(t.plusSeconds(8));
              assertThat(sync.path("children").path("total").asInt()).isEqualTo(3);
              assertThat(sync.path("children").path("completed").asInt()).isEqualTo(2);
              assertThat(sync.path("children").path("failed").asInt()).isEqualTo(1);
              assertThat(sync.path("children").path("pending").asInt()).isZero();
              JsonNode child = api().get("/api/v1/syncs/" + venue.syncId(), token).json();
              assertThat(child.path("reason").asString()).isEqualTo("CASCADE");
              assertThat(child.path("parentSyncId").asString())
                  .isEqualTo(show1.syncId().toString());
              assertThat(child.path("rootSyncId").asString()).isEqualTo(root.syncId().toString());
            });
  }

  @Test
  void sendsAnUndecodableRecordToTheDeadLetterTopicAndGoesOn() {
    // given
    UUID venueId = insertVenue();
    TestEvents.Job job = TestEvents.Job.root(EntityType.VENUE, venueId);
    String poisonKey = UUID.randomUUID().toString();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    try (KafkaProducer<String, byte[]> raw =
            new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        KafkaConsumer<String, byte[]> deadLetters = deadLetterConsumer()) {
      // when
      raw.send(new ProducerRecord<>(OUTCOMES, poisonKey, new byte[] {1, 2, 3})).get();
      send(OUTCOMES, venueId, TestEvents.started(job, now(), 1));

      // then
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                boolean found = false;
                for (ConsumerRecord<String, byte[]> record :
                    deadLetters.poll(Duration.ofMillis(200))) {
                  found |= poisonKey.equals(record.key());
                  if (poisonKey.equals(record.key())) {
                    assertThat(record.value()).containsExactly(1, 2, 3);
                  }
                }
                assertThat(found).isTrue();
              });
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          api()
                              .get("/api/v1/syncs/" + job.syncId(), TestTokens.valid())
                              .json()
                              .path("status")
                              .asString())
                      .isEqualTo("running"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KafkaConsumer<String, byte[]> deadLetterConsumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(java.util.List.of(Topics.dltName(OUTCOMES)));
    return consumer;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static void send(String topic, UUID key, SpecificRecord event) {
    TestKafka.send(producer, topic, key, event);
  }

  private UUID insertArtist() {
    return jdbc()
        .sql("INSERT INTO artists (spotify_id) VALUES (?) RETURNING id")
        .param(ApiClient.newSpotifyId())
        .query(UUID.class)
        .single();
  }

  private UUID insertVenue() {
    return jdbc()
        .sql("INSERT INTO venues (ticketmaster_id) VALUES (?) RETURNING id")
        .param("KovZ" + UUID.randomUUID())
        .query(UUID.class)
        .single();
  }
}
