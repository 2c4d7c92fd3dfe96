package io.setsync.api.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.api.sync.EntityKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** When the projector derives an entity's last_sync and last_sync_error from its jobs. */
class EntityProjectionIntegrationTests {

  private static final ProjectorDatabase DB = new ProjectorDatabase();

  @AfterAll
  static void close() {
    DB.dataSource.close();
  }

  @Test
  void aJobFinishingInTheSamePollAsANewerRequestStillSetsLastSyncAndItsError() {
    // given an artist with a running job
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID artistId = DB.insertArtist();
    Events failing = Events.root(EntityKind.ARTIST, artistId);
    Events next = Events.root(EntityKind.ARTIST, artistId);
    Events completing = Events.root(EntityKind.ARTIST, artistId);
    DB.apply(List.of(failing.requested(t), failing.started(t.plusSeconds(1), 1)));

    // when the job fails for good in the poll that also brings a newer request
    DB.apply(
        List.of(
            failing.failed(t.plusSeconds(2), 1, true, "NOT_FOUND"),
            next.requested(t.plusSeconds(3))));

    // then the artist shows the request, and the failure
    assertThat(artist(artistId))
        .containsEntry("sync_status", "queued")
        .containsEntry("sync_status_at", Timestamp.from(t.plusSeconds(3)))
        .containsEntry("last_sync", null)
        .containsEntry("last_sync_error", "NOT_FOUND: NOT_FOUND at attempt 1");

    // when a job completes in the poll that also brings a newer start
    DB.apply(
        List.of(
            next.started(t.plusSeconds(4), 1),
            next.completed(t.plusSeconds(4), t.plusSeconds(5)),
            completing.requested(t.plusSeconds(6)),
            completing.started(t.plusSeconds(7), 1)));

    // then
    assertThat(artist(artistId))
        .containsEntry("sync_status", "syncing")
        .containsEntry("last_sync", Timestamp.from(t.plusSeconds(5)))
        .containsEntry("last_sync_error", null);
  }

  @Test
  void onlyAFinishedJobTouchesLastSyncAndItsError() {
    // given an artist whose last_sync and last_sync_error were written apart from its jobs
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID artistId = DB.insertArtist();
    Events done = Events.root(EntityKind.ARTIST, artistId);
    DB.apply(
        List.of(
            done.requested(t),
            done.started(t.plusSeconds(1), 1),
            done.completed(t.plusSeconds(1), t.plusSeconds(2))));
    DB.jdbc
        .sql("UPDATE artists SET last_sync = ?, last_sync_error = 'kept' WHERE id = ?")
        .param(Timestamp.from(t))
        .param(artistId)
        .update();
    Events job = Events.root(EntityKind.ARTIST, artistId);

    // when a new job is queued, then starts, then fails and is retried
    DB.apply(List.of(job.requested(t.plusSeconds(3))));
    Map<String, Object> queued = artist(artistId);
    DB.apply(List.of(job.started(t.plusSeconds(4), 1)));
    Map<String, Object> syncing = artist(artistId);
    DB.apply(List.of(job.failed(t.plusSeconds(5), 1, false, "UPSTREAM_UNAVAILABLE")));
    Map<String, Object> retrying = artist(artistId);

    // then only the status moves
    assertThat(queued)
        .containsEntry("sync_status", "queued")
        .containsEntry("last_sync", Timestamp.from(t))
        .containsEntry("last_sync_error", "kept");
    assertThat(syncing)
        .containsEntry("sync_status", "syncing")
        .containsEntry("last_sync", Timestamp.from(t))
        .containsEntry("last_sync_error", "kept");
    assertThat(retrying)
        .containsEntry("sync_status", "syncing")
        .containsEntry("sync_status_at", Timestamp.from(t.plusSeconds(5)))
        .containsEntry("last_sync", Timestamp.from(t))
        .containsEntry("last_sync_error", "kept");

    // when the job completes
    DB.apply(List.of(job.completed(t.plusSeconds(4), t.plusSeconds(7))));

    // then both are derived from the jobs again
    assertThat(artist(artistId))
        .containsEntry("sync_status", "synced")
        .containsEntry("last_sync", Timestamp.from(t.plusSeconds(7)))
        .containsEntry("last_sync_error", null);
  }

  private static Map<String, Object> artist(UUID id) {
    return DB.jdbc
        .sql(
            """
            SELECT sync_status, sync_status_at, last_sync, last_sync_error
            FROM artists WHERE id = ?""")
        .param(id)
        .query()
        .singleRow();
  }
}
