package io.setsync.api;

import static io.setsync.api.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Backfills through real HTTP: selection, pacing onto the replay topic, progress counted from the
 * jobs' outcomes as the projector records them, and refusals that change nothing.
 */
class BackfillIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
    registry.add("setsync.security.rate-limit.burst", () -> "1000");
    registry.add("setsync.api.backfill-tick", () -> "100ms");
    registry.add("setsync.api.scheduled-refresh.enabled", () -> "false");
  }

  @Test
  void syncsTheFailedVenuesThroughTheReplayTopicAndCountsTheirOutcomes() {
    // given
    UUID failed = venue("failed", null);
    UUID synced = venue("synced", Instant.now());
    String token = TestTokens.valid();
    String topic = Topics.replay(EntityType.VENUE).name();

    try (KafkaConsumer<String, SpecificRecord> consumer =
            TestKafka.consumer(TestInfrastructure.kafkaBootstrapServers(), topic);
        KafkaProducer<String, SpecificRecord> producer =
            TestKafka.producer(TestInfrastructure.kafkaBootstrapServers())) {
      // when
      ApiClient.Answer answer =
          api()
              .postBackfill(
                  token, "{\"entityType\":\"venue\",\"selector\":\"failed\",\"maxPerSecond\":100}");

      // then: accepted, and one BACKFILL request for the failed venue only
      assertThat(answer.status()).as(answer.text()).isEqualTo(202);
      String backfillId = answer.json().path("backfillId").asString();
      assertThat(answer.header("Location")).isEqualTo("/api/v1/backfills/" + backfillId);
      List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                TestKafka.pollInto(
                    consumer, Set.of(failed.toString(), synced.toString())::contains, records);
                assertThat(records).hasSize(1);
              });
      SyncRequested request = (SyncRequested) records.get(0).value();
      assertThat(request.getEntityId()).isEqualTo(failed);
      assertThat(request.getReason()).isEqualTo(SyncReason.BACKFILL);
      assertThat(request.getOptions().getForceRefresh()).isTrue();
      assertThat(request.getOptions().getSkipDependencies()).isFalse();
      assertThat(request.getRootSyncId()).isEqualTo(request.getSyncId());
      assertThat(request.getProducer()).isEqualTo("sync-api");
      JsonNode running = backfill(token, backfillId);
      assertThat(running.path("status").asString()).isEqualTo("running");
      assertThat(running.path("total").asLong()).isOne();
      assertThat(running.path("enqueued").asLong()).isOne();
      assertThat(running.path("completed").asLong()).isZero();
      assertThat(
              api()
                  .get("/api/v1/syncs/" + request.getSyncId(), token)
                  .json()
                  .path("reason")
                  .asString())
          .isEqualTo("BACKFILL");

      // and when the worker reports the sync completed
      TestEvents.Job job =
          new TestEvents.Job(
              request.getSyncId(), request.getSyncId(), null, EntityType.VENUE, failed);
      Instant started = Instant.now();
      TestKafka.send(producer, Topics.OUTCOMES.name(), failed, TestEvents.started(job, started, 1));
      TestKafka.send(
          producer,
          Topics.OUTCOMES.name(),
          failed,
          TestEvents.completed(job, started, started.plusMillis(5)));

      // then
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                JsonNode done = backfill(token, backfillId);
                assertThat(done.path("status").asString()).isEqualTo("completed");
                assertThat(done.path("completed").asLong()).isOne();
                assertThat(done.path("failed").asLong()).isZero();
              });
    }
  }

  @Test
  void selectsTheShowsNeverSyncedOrSyncedLongerAgoThanStaleAfter() {
    // given
    UUID never = show(null);
    UUID old = show(Instant.now().minus(Duration.ofDays(10)));
    UUID recent = show(Instant.now().minus(Duration.ofDays(1)));
    String token = TestTokens.valid();

    // when
    ApiClient.Answer answer =
        api()
            .postBackfill(
                token, "{\"entityType\":\"show\",\"selector\":\"stale\",\"staleAfter\":\"P1W\"}");

    // then
    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    UUID backfillId = UUID.fromString(answer.json().path("backfillId").asString());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(backfill(token, backfillId.toString()).path("status").asString())
                    .isNotEqualTo("enqueuing"));
    assertThat(
            jdbc()
                .sql("SELECT entity_id FROM sync_jobs WHERE backfill_id = ?")
                .param(backfillId)
                .query(UUID.class)
                .list())
        .containsExactlyInAnyOrder(never, old)
        .doesNotContain(recent);
    assertThat(
            jdbc()
                .sql("SELECT sync_status FROM shows WHERE id = ?")
                .param(old)
                .query(String.class)
                .single())
        .isEqualTo("queued");
  }

  @Test
  void makesNoMoreJobsASecondThanMaxPerSecond() {
    // given
    for (int i = 0; i < 6; i++) {
      artist();
    }
    String token = TestTokens.valid();
    Instant before = Instant.now();

    // when
    ApiClient.Answer answer =
        api()
            .postBackfill(
                token, "{\"entityType\":\"artist\",\"selector\":\"all\",\"maxPerSecond\":2}");

    // then: six jobs at two a second take two seconds at least after the first page
    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    String backfillId = answer.json().path("backfillId").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode progress = backfill(token, backfillId);
              assertThat(progress.path("status").asString()).isEqualTo("running");
              assertThat(progress.path("enqueued").asLong()).isEqualTo(6);
            });
    List<Instant> requestedAt =
        jdbc()
            .sql("SELECT requested_at FROM sync_jobs WHERE backfill_id = ?::uuid ORDER BY 1")
            .param(backfillId)
            .query(Timestamp.class)
            .list()
            .stream()
            .map(Timestamp::toInstant)
            .toList();
    assertThat(requestedAt).hasSize(6);
    assertThat(requestedAt.get(0)).isAfterOrEqualTo(before.minusMillis(1));
    assertThat(Duration.between(requestedAt.get(0), requestedAt.get(5)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  @Test
  void passesOverAnEntityThatHasAQueuedJobAsAPostWouldJoinIt() {
    // given a failed venue whose sync a user asked for already
    UUID venue = venue("failed", null);
    String token = TestTokens.valid();
    ApiClient.Answer user =
        api().postSync(token, "{\"entityType\":\"venue\",\"entityId\":\"%s\"}".formatted(venue));
    assertThat(user.status()).as(user.text()).isEqualTo(202);
    // the POST marked it queued: failed again, so that only its job keeps the backfill off it
    jdbc().sql("UPDATE venues SET sync_status = 'failed' WHERE id = ?").param(venue).update();

    // when
    ApiClient.Answer answer =
        api().postBackfill(token, "{\"entityType\":\"venue\",\"selector\":\"failed\"}");

    // then
    String backfillId = answer.json().path("backfillId").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(backfill(token, backfillId).path("status").asString())
                    .isNotEqualTo("enqueuing"));
    assertThat(
            jdbc()
                .sql("SELECT count(*) FROM sync_jobs WHERE entity_id = ?")
                .param(venue)
                .query(Long.class)
                .single())
        .isOne();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"selector\":\"all\"}",
        "{\"entityType\":\"song\",\"selector\":\"all\"}",
        "{\"entityType\":\"venue\"}",
        "{\"entityType\":\"venue\",\"selector\":\"some\"}",
        "{\"entityType\":\"venue\",\"selector\":\"stale\"}",
        "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"PT0S\"}",
        "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"a week\"}",
        "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"P-1D\"}",
        "{\"entityType\":\"venue\",\"selector\":\"all\",\"maxPerSecond\":0}",
        "{\"entityType\":\"venue\",\"selector\":\"all\",\"maxPerSecond\":10001}",
        "{\"entityType\":\"venue\",\"selector\":\"all\",\"maxPerSecond\":\"50\"}",
        "{\"entityType\":\"venue\",\"selector\":\"all\",\"maxPerSecond\":2.5}",
        "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"P99999999999D\"}",
        "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"P300000Y\"}"
      })
  void refusesAnInvalidBodyWithAProblemAndRecordsNothing(String body) {
    // given
    long before = backfills();

    // when
    ApiClient.Answer answer = api().postBackfill(TestTokens.valid(), body);

    // then
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("type").asString())
        .isEqualTo("https://setsync.io/problems/invalid-request");
    assertThat(backfills()).isEqualTo(before);
  }

  @Test
  void acceptsEntityTypeAndSelectorInAnyCaseAndStoresThemInLowerCase() {
    // when: a selection that holds nothing here, so no other test's entities get jobs
    ApiClient.Answer answer =
        api()
            .postBackfill(
                TestTokens.valid(), "{\"entityType\":\"ARTIST\",\"selector\":\"Failed\"}");

    // then
    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    assertThat(
            jdbc()
                .sql("SELECT entity_type || ' ' || selector FROM backfills WHERE id = ?")
                .param(UUID.fromString(answer.json().path("backfillId").asString()))
                .query(String.class)
                .single())
        .isEqualTo("artist failed");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheFirstBackfill() {
    // given: a selection that holds nothing here, so no other test's entities get jobs
    String token = TestTokens.valid();
    String key = "backfill-" + UUID.randomUUID();
    String body = "{\"entityType\":\"artist\",\"selector\":\"failed\",\"maxPerSecond\":9973}";
    ApiClient.Answer first = api().postBackfill(token, body, key);

    // when
    ApiClient.Answer retry = api().postBackfill(token, body, key);
    ApiClient.Answer otherBody =
        api()
            .postBackfill(
                token,
                "{\"entityType\":\"artist\",\"selector\":\"failed\",\"maxPerSecond\":9974}",
                key);

    // then
    assertThat(first.status()).as(first.text()).isEqualTo(202);
    assertThat(retry.status()).as(retry.text()).isEqualTo(202);
    String backfillId = first.json().path("backfillId").asString();
    assertThat(retry.json().path("backfillId").asString()).isEqualTo(backfillId);
    assertThat(retry.header("Location")).contains("/api/v1/backfills/" + backfillId);
    assertProblem(otherBody, 422, "idempotency-key-reused");
    assertThat(
            jdbc()
                .sql("SELECT count(*) FROM backfills WHERE max_per_second IN (9973, 9974)")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void refusesAnInvalidIdempotencyKeyWith400() {
    ApiClient.Answer answer =
        api()
            .postBackfill(
                TestTokens.valid(),
                "{\"entityType\":\"artist\",\"selector\":\"failed\"}",
                "k".repeat(256));

    assertProblem(answer, 400, "invalid-request");
  }

  static Stream<Arguments> invalidFields() {
    return Stream.of(
        Arguments.of("{\"entityType\":\"show\",\"selector\":\"stale\"}", List.of("staleAfter")),
        Arguments.of("{\"entityType\":\"ARTIST\",\"selector\":\"Stale\"}", List.of("staleAfter")),
        Arguments.of(
            "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"PT0S\"}",
            List.of("staleAfter")),
        Arguments.of(
            "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"P300000Y\"}",
            List.of("staleAfter")),
        Arguments.of(
            "{\"entityType\":\"venue\",\"selector\":\"stale\",\"staleAfter\":\"a week\"}",
            List.of("staleAfter")),
        Arguments.of(
            "{\"entityType\":\"VENUE\",\"selector\":\"ALL\",\"maxPerSecond\":0}",
            List.of("maxPerSecond")),
        Arguments.of(
            "{\"entityType\":\"song\",\"selector\":\"some\"}", List.of("entityType", "selector")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFields")
  void namesTheRequestFieldOfEachErrorInErrorsAndDetail(String body, List<String> fields) {
    // when
    ApiClient.Answer answer = api().postBackfill(TestTokens.valid(), body);

    // then
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(ProblemAssertions.errorFields(answer)).containsExactlyInAnyOrderElementsOf(fields);
    ProblemAssertions.assertReadableDetail(answer);
  }

  @Test
  void needsTheAdminScope() {
    // given
    long before = backfills();

    // when
    ApiClient.Answer post =
        api()
            .postBackfill(
                TestTokens.withScope("sync:write sync:read"),
                "{\"entityType\":\"venue\",\"selector\":\"all\"}");
    ApiClient.Answer get =
        api()
            .get(
                "/api/v1/backfills/" + UUID.randomUUID(),
                TestTokens.withScope("sync:write sync:read"));
    ApiClient.Answer anonymous =
        api().postBackfill(null, "{\"entityType\":\"venue\",\"selector\":\"all\"}");

    // then
    assertThat(post.status()).isEqualTo(403);
    assertThat(get.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(backfills()).isEqualTo(before);
  }

  @Test
  void answersAnUnknownBackfillWith404AndAMalformedIdWith400() {
    // when
    ApiClient.Answer unknown =
        api().get("/api/v1/backfills/" + UUID.randomUUID(), TestTokens.valid());
    ApiClient.Answer malformed = api().get("/api/v1/backfills/not-a-uuid", TestTokens.valid());

    // then
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("type").asString())
        .isEqualTo("https://setsync.io/problems/backfill-not-found");
    assertThat(malformed.status()).isEqualTo(400);
  }

  private JsonNode backfill(String token, String id) {
    ApiClient.Answer answer = api().get("/api/v1/backfills/" + id, token);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().path("backfillId").asString()).isEqualTo(id);
    return answer.json();
  }

  private long backfills() {
    return jdbc().sql("SELECT count(*) FROM backfills").query(Long.class).single();
  }

  private UUID venue(String syncStatus, Instant lastSync) {
    return jdbc()
        .sql(
            "INSERT INTO venues (ticketmaster_id, sync_status, last_sync) VALUES (?, ?, ?)"
                + " RETURNING id")
        .param("vn-" + UUID.randomUUID())
        .param(syncStatus)
        .param(lastSync == null ? null : Timestamp.from(lastSync))
        .query(UUID.class)
        .single();
  }

  private UUID show(Instant lastSync) {
    return jdbc()
        .sql("INSERT INTO shows (ticketmaster_id, last_sync) VALUES (?, ?) RETURNING id")
        .param("ev-" + UUID.randomUUID())
        .param(lastSync == null ? null : Timestamp.from(lastSync))
        .query(UUID.class)
        .single();
  }

  private void artist() {
    jdbc()
        .sql("INSERT INTO artists (ticketmaster_id) VALUES (?)")
        .param("at-" + UUID.randomUUID())
        .update();
  }
}
