package io.setsync.api.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.api.ApiClient;
import io.setsync.api.SyncApiIntegrationTest;
import io.setsync.api.TestTokens;
import io.setsync.api.sync.EntityKind;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled refresh: stale entities get SCHEDULED jobs, once per interval across instances. The
 * interval is an hour here, so a run starts only when the test starts one.
 */
class ScheduledRefreshIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();

  @Autowired private ScheduledRefresh refresh;
  @Autowired private BackfillStore store;
  @Autowired private TransactionTemplate transactions;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
    registry.add("setsync.api.backfill-tick", () -> "100ms");
    registry.add("setsync.api.scheduled-refresh.interval", () -> "1h");
    registry.add("setsync.api.scheduled-refresh.stale-after", () -> "1h");
    registry.add("setsync.api.scheduled-refresh.max-per-second", () -> "1000");
  }

  @Test
  void refreshesTheStaleVenuesOncePerIntervalWithScheduledJobs() {
    // given
    UUID old = venue(Instant.now().minus(Duration.ofHours(2)));
    UUID never = venue(null);
    UUID recent = venue(Instant.now());

    // when two instances tick within the interval
    UUID run = transactions.execute(status -> refresh.startRun(EntityKind.VENUE));
    UUID again = transactions.execute(status -> refresh.startRun(EntityKind.VENUE));

    // then one run, whose jobs are the stale venues' only jobs
    assertThat(run).isNotNull();
    assertThat(again).isNull();
    String token = TestTokens.valid();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              ApiClient.Answer progress = api().get("/api/v1/backfills/" + run, token);
              assertThat(progress.json().path("status").asString()).isEqualTo("running");
              assertThat(progress.json().path("enqueued").asLong()).isEqualTo(2);
            });
    assertThat(
            jdbc()
                .sql(
                    "SELECT entity_id FROM sync_jobs WHERE reason = 'SCHEDULED' AND backfill_id = ?")
                .param(run)
                .query(UUID.class)
                .list())
        .containsExactlyInAnyOrder(old, never)
        .doesNotContain(recent);
    assertThat(
            jdbc()
                .sql("SELECT requested_by FROM backfills WHERE id = ?")
                .param(run)
                .query(String.class)
                .single())
        .isEqualTo(ScheduledRefresh.REQUESTED_BY);
  }

  @Test
  void anInstanceDecidingOnARunMakesTheOthersPassTheirTurn() throws Exception {
    // given a stale artist, and another instance holding the decision on artist runs
    jdbc()
        .sql("INSERT INTO artists (ticketmaster_id) VALUES (?)")
        .param("at-" + UUID.randomUUID())
        .update();
    CountDownLatch deciding = new CountDownLatch(1);
    CountDownLatch decided = new CountDownLatch(1);
    CompletableFuture<Boolean> other =
        CompletableFuture.supplyAsync(
            () ->
                transactions.execute(
                    status -> {
                      boolean locked = store.lockScheduledRuns(EntityKind.ARTIST);
                      deciding.countDown();
                      await().atMost(Duration.ofSeconds(30)).until(() -> decided.getCount() == 0);
                      return locked;
                    }));
    assertThat(deciding.await(30, TimeUnit.SECONDS)).isTrue();

    // when
    UUID whileHeld = transactions.execute(status -> refresh.startRun(EntityKind.ARTIST));
    decided.countDown();
    assertThat(other.get(30, TimeUnit.SECONDS)).isTrue();
    UUID afterwards = transactions.execute(status -> refresh.startRun(EntityKind.ARTIST));

    // then
    assertThat(whileHeld).isNull();
    assertThat(afterwards).isNotNull();
  }

  private UUID venue(Instant lastSync) {
    return jdbc()
        .sql("INSERT INTO venues (ticketmaster_id, last_sync) VALUES (?, ?) RETURNING id")
        .param("vn-" + UUID.randomUUID())
        .param(lastSync == null ? null : Timestamp.from(lastSync))
        .query(UUID.class)
        .single();
  }
}
