package io.setsync.worker.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncRequest;
import io.setsync.worker.runtime.WorkerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's SQL on a real, migrated PostgreSQL: what it records is what it reads back. */
class SyncLedgerIntegrationTests {

  private static final Instant STARTED = Instant.parse("2026-03-01T10:15:30.123456Z");
  private static final Instant FINISHED = STARTED.plus(Duration.ofMillis(250));

  private static JdbcTemplate jdbc;
  private static SyncLedger ledger;

  @BeforeAll
  static void database() {
    jdbc = new JdbcTemplate(TestInfrastructure.newDatabase().dataSource());
    ledger = new SyncLedger(jdbc, JsonMapper.builder().build());
  }

  @Test
  void recordsAPollsOutcomesInOneStatementAndReadsThemBackExactly() {
    // given
    SyncRequest artist = request(EntityKind.ARTIST);
    SyncRequest followUp = request(EntityKind.SHOW);
    SyncRequest venue = request(EntityKind.VENUE);
    SyncRequest deferred = request(EntityKind.SHOW);
    Outcome completed =
        Outcome.completed(
            artist,
            true,
            true,
            Map.of("songs", 12L),
            "sp-1",
            "tm-1",
            List.of(followUp),
            STARTED,
            FINISHED);
    Outcome failed =
        Outcome.failed(
            venue,
            new SyncFailure(ErrorCode.UPSTREAM_UNAVAILABLE, "Ticketmaster answered 503"),
            true,
            STARTED,
            FINISHED);

    // when
    ledger.record(
        List.of(
            completed,
            failed,
            Outcome.deferred(deferred, "artist not synced", List.of(), false, STARTED, FINISHED)));
    Map<UUID, Outcome> found = ledger.find(List.of(artist, venue, deferred));

    // then
    assertThat(found).containsOnlyKeys(artist.syncId(), venue.syncId());
    Outcome readCompleted = found.get(artist.syncId());
    assertThat(readCompleted)
        .usingRecursiveComparison()
        .ignoringFields("followUps")
        .isEqualTo(completed);
    assertThat(readCompleted.followUps())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.syncId()).isEqualTo(followUp.syncId());
              assertThat(request.entityId()).isEqualTo(followUp.entityId());
              assertThat(request.parentSyncId()).isEqualTo(artist.syncId());
            });
    Outcome readFailed = found.get(venue.syncId());
    assertThat(readFailed.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(readFailed.failure().code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
    assertThat(readFailed.failure().getMessage()).isEqualTo("Ticketmaster answered 503");
    assertThat(readFailed.failure().retryable()).isTrue();
    assertThat(readFailed.startedAt()).isEqualTo(STARTED);
    assertThat(readFailed.finishedAt()).isEqualTo(FINISHED);
    assertThat(ledger.lastFetched(EntityKind.ARTIST, List.of(artist.entityId()), STARTED))
        .extractingByKey(artist.entityId())
        .isEqualTo(new SyncLedger.LastFetch(artist.entityId(), FINISHED, "sp-1", "tm-1"));
  }

  @Test
  void recordingAnOutcomeAgainKeepsTheFirst() {
    // given
    SyncRequest request = request(EntityKind.VENUE);
    Outcome first =
        Outcome.completed(
            request, true, true, Map.of(), null, "tm-v", List.of(), STARTED, FINISHED);
    ledger.record(List.of(first));

    // when
    ledger.record(
        List.of(
            Outcome.completed(
                request, true, false, Map.of(), null, "tm-v", List.of(), FINISHED, FINISHED)));

    // then
    assertThat(ledger.find(List.of(request)).get(request.syncId()).eventId())
        .isEqualTo(first.eventId());
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM processed_syncs WHERE sync_id = ?",
                Long.class,
                request.syncId()))
        .isOne();
  }

  @Test
  void retentionDeletesOnlyTheWorkersOwnRowsOlderThanItsRetention() {
    // given
    Instant now = Instant.parse("2026-03-20T00:00:00Z");
    Instant old = now.minus(Duration.ofDays(9));
    List<SyncRequest> oldShows =
        List.of(request(EntityKind.SHOW), request(EntityKind.SHOW), request(EntityKind.SHOW));
    SyncRequest recentShow = request(EntityKind.SHOW);
    SyncRequest oldArtist = request(EntityKind.ARTIST);
    oldShows.forEach(show -> ledger.record(List.of(completedAt(show, old))));
    ledger.record(List.of(completedAt(recentShow, now.minus(Duration.ofDays(7)))));
    ledger.record(List.of(completedAt(oldArtist, old)));
    LedgerRetention retention =
        new LedgerRetention(
            ledger,
            EntityKind.SHOW,
            new WorkerSettings.Ledger(Duration.ofDays(8), Duration.ofMinutes(10)),
            new WorkerMetrics(new SimpleMeterRegistry(), EntityKind.SHOW),
            Clock.fixed(now, ZoneOffset.UTC));

    // when
    int purged = retention.purge();

    // then
    assertThat(purged).isEqualTo(3);
    List<SyncRequest> all = new ArrayList<>(oldShows);
    all.add(recentShow);
    all.add(oldArtist);
    assertThat(ledger.find(all)).containsOnlyKeys(recentShow.syncId(), oldArtist.syncId());
  }

  private static Outcome completedAt(SyncRequest request, Instant finishedAt) {
    return Outcome.completed(
        request, true, true, Map.of(), null, null, List.of(), finishedAt, finishedAt);
  }

  private static SyncRequest request(EntityKind entity) {
    UUID syncId = UUID.randomUUID();
    return new SyncRequest(
        syncId,
        syncId,
        null,
        entity,
        UUID.randomUUID(),
        null,
        "tm-" + syncId,
        SyncRequest.Reason.USER,
        false,
        false,
        "test",
        1,
        null,
        null,
        STARTED);
  }
}
