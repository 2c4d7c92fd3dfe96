package io.setsync.api.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.api.outbox.Outbox;
import io.setsync.api.sync.EntityKind;
import io.setsync.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The sweeper on real PostgreSQL, with a clock of its own. */
class JobTimeoutsIntegrationTests {

  private static final ProjectorDatabase DB = new ProjectorDatabase();
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  @AfterAll
  static void close() {
    DB.dataSource.close();
  }

  @Test
  void failsJobsStuckPastTheTimeoutAndTheirEntityButNotFreshOnes() {
    // given a job stuck running, one stuck queued for an artist with a fresh job, a fresh one
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID lonely = DB.insertArtist();
    UUID busy = DB.insertArtist();
    Events stuckRunning = Events.root(EntityKind.ARTIST, lonely);
    Events stuckQueued = Events.root(EntityKind.ARTIST, busy);
    Events fresh = Events.root(EntityKind.ARTIST, busy);
    DB.apply(
        List.of(
            stuckRunning.requested(t),
            stuckRunning.started(t.plusSeconds(1), 1),
            stuckQueued.requested(t.plusSeconds(2)),
            fresh.requested(t.plus(TIMEOUT))));
    JobTimeouts sweeper = sweeperAt(t.plus(TIMEOUT).plusSeconds(10));

    // when
    int timedOut = sweeper.sweepOnce();

    // then
    assertThat(timedOut).isEqualTo(2);
    assertThat(job(stuckRunning))
        .containsEntry("status", "failed")
        .containsEntry("error_code", "TIMED_OUT");
    assertThat(job(stuckQueued)).containsEntry("status", "failed");
    assertThat(job(fresh)).containsEntry("status", "queued");
    assertThat(artist(lonely)).containsEntry("sync_status", "failed");
    assertThat((String) artist(lonely).get("last_sync_error")).startsWith("TIMED_OUT: ");
    assertThat(artist(busy)).containsEntry("sync_status", "queued");
    assertThat(outboxRows(stuckRunning)).containsExactly(Topics.OUTCOMES.name() + " " + lonely);
    assertThat(outboxRows(stuckQueued)).containsExactly(Topics.OUTCOMES.name() + " " + busy);
    assertThat(outboxRows(fresh)).isEmpty();
    assertThat(sweeper.sweepOnce()).isZero();
  }

  @Test
  void aRealOutcomeArrivingAfterTheTimeoutWins() {
    // given a job timed out while its worker was slow
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID artist = DB.insertArtist();
    Events job = Events.root(EntityKind.ARTIST, artist);
    DB.apply(List.of(job.requested(t), job.started(t.plusSeconds(1), 1)));
    sweeperAt(t.plus(TIMEOUT).plusSeconds(10)).sweepOnce();

    // when its late events arrive: a start is too old, a completion is a real outcome
    DB.apply(List.of(job.started(t.plusSeconds(1), 1)));
    assertThat(job(job)).containsEntry("status", "failed");
    DB.apply(List.of(job.completed(t.plusSeconds(1), t.plus(TIMEOUT).plusSeconds(5))));

    // then
    assertThat(job(job)).containsEntry("status", "completed").containsEntry("error_code", null);
    assertThat(artist(artist))
        .containsEntry("sync_status", "synced")
        .containsEntry("last_sync_error", null);
  }

  private static JobTimeouts sweeperAt(Instant now) {
    return new JobTimeouts(
        DB.jdbc,
        DB.store,
        new Outbox(() -> {}),
        DB.transactions,
        new ProjectorSettings(TIMEOUT, Duration.ofSeconds(30), 1000, Duration.ofSeconds(15)),
        Clock.fixed(now, ZoneOffset.UTC),
        new SimpleMeterRegistry());
  }

  private static Map<String, Object> job(Events job) {
    return DB.jdbc
        .sql("SELECT status, error_code, finished_at FROM sync_jobs WHERE id = ?")
        .param(job.syncId())
        .query()
        .singleRow();
  }

  // The sweeper's SyncFailed waits in the outbox, keyed by the entity: "topic key" per row.
  private static List<String> outboxRows(Events job) {
    return DB.jdbc
        .sql("SELECT topic || ' ' || message_key FROM sync_outbox WHERE sync_id = ?")
        .param(job.syncId())
        .query(String.class)
        .list();
  }

  private static Map<String, Object> artist(UUID id) {
    return DB.jdbc
        .sql("SELECT sync_status, last_sync_error, last_sync FROM artists WHERE id = ?")
        .param(id)
        .query()
        .singleRow();
  }
}
