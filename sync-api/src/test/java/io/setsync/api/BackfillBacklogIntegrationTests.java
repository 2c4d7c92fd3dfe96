package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backfill makes no more jobs while its unfinished ones are a backlog's worth at its rate: here 2
 * a second and a backlog of 1 s, so 2 jobs at a time, the next ones once those finished.
 */
class BackfillBacklogIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
    registry.add("setsync.api.backfill-tick", () -> "100ms");
    registry.add("setsync.api.backfill-backlog", () -> "1s");
    registry.add("setsync.api.scheduled-refresh.enabled", () -> "false");
  }

  @Test
  void waitsForItsJobsToFinishBeforeMakingMore() {
    // given
    for (int i = 0; i < 5; i++) {
      jdbc()
          .sql("INSERT INTO venues (ticketmaster_id) VALUES (?)")
          .param("vn-" + UUID.randomUUID())
          .update();
    }
    String token = TestTokens.valid();

    // when
    ApiClient.Answer answer =
        api()
            .postBackfill(
                token, "{\"entityType\":\"venue\",\"selector\":\"all\",\"maxPerSecond\":2}");
    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    UUID backfillId = UUID.fromString(answer.json().path("backfillId").asString());

    // then: two jobs, and no more while they are unfinished, though the rate would allow them
    await().atMost(Duration.ofSeconds(30)).until(() -> jobs(backfillId).size() == 2);
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> jobs(backfillId).size() == 2);

    // and when the two finish, the next two come
    try (KafkaProducer<String, SpecificRecord> producer =
        TestKafka.producer(TestInfrastructure.kafkaBootstrapServers())) {
      for (Job job : jobs(backfillId)) {
        TestEvents.Job event =
            new TestEvents.Job(job.syncId(), job.syncId(), null, EntityType.VENUE, job.venueId());
        Instant started = Instant.now();
        TestKafka.send(
            producer, Topics.OUTCOMES.name(), job.venueId(), TestEvents.started(event, started, 1));
        TestKafka.send(
            producer,
            Topics.OUTCOMES.name(),
            job.venueId(),
            TestEvents.completed(event, started, started.plusMillis(5)));
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> jobs(backfillId).size() == 4);
  }

  private record Job(UUID syncId, UUID venueId) {}

  private List<Job> jobs(UUID backfillId) {
    return jdbc()
        .sql("SELECT id, entity_id FROM sync_jobs WHERE backfill_id = ?")
        .param(backfillId)
        .query((rs, row) -> new Job(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .list();
  }
}
