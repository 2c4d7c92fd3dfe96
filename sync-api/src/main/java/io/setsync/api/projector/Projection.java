package io.setsync.api.projector;

import io.setsync.api.sync.EntityKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Folds one poll's events into at most one change per job and one per entity, so that each table
 * takes one set-based statement; the database then keeps a change only where it is newer than the
 * stored state. Folding is order-independent: any order of the same events gives the same changes.
 */
final class Projection {

  private static final Comparator<StatusEvent> JOB_ORDER =
      Comparator.comparingInt(StatusEvent::jobRank)
          .thenComparing(StatusEvent::occurredAt)
          .thenComparing(StatusEvent::eventId);

  private static final Comparator<StatusEvent> ENTITY_ORDER =
      Comparator.comparing(StatusEvent::occurredAt)
          .thenComparingInt(StatusEvent::entityRank)
          .thenComparing(StatusEvent::eventId);

  private Projection() {}

  /**
   * The merged change of one job: the request's facts if a SyncRequested was among the events, the
   * winning status, the highest attempt and the earliest start.
   */
  record JobChange(
      UUID syncId,
      UUID rootSyncId,
      UUID parentSyncId,
      EntityKind entityKind,
      UUID entityId,
      StatusEvent.Request request,
      Instant requestedAt,
      String status,
      int rank,
      Instant statusAt,
      Instant finishedAt,
      String errorCode,
      String errorMessage,
      int attempts,
      Instant startedAt) {}

  /**
   * The merged change of one entity: its latest status, and whether any of its jobs finished
   * (completed or failed for good). {@code last_sync} and {@code last_sync_error} are derived from
   * the entity's jobs, which makes them order-independent too, and can only change when a job
   * finished.
   */
  record EntityChange(
      EntityKind entityKind,
      UUID entityId,
      String status,
      int rank,
      Instant statusAt,
      boolean jobFinished) {}

  static List<JobChange> jobs(List<StatusEvent> events) {
    Map<UUID, List<StatusEvent>> bySync = new LinkedHashMap<>();
    for (StatusEvent event : events) {
      bySync.computeIfAbsent(event.syncId(), id -> new ArrayList<>()).add(event);
    }
    List<JobChange> changes = new ArrayList<>(bySync.size());
    for (List<StatusEvent> group : bySync.values()) {
      changes.add(job(group));
    }
    // A stable lock order between concurrent batches.
    changes.sort(Comparator.comparing(JobChange::syncId));
    return changes;
  }

  private static JobChange job(List<StatusEvent> group) {
    StatusEvent winner = group.stream().max(JOB_ORDER).orElseThrow();
    StatusEvent requested =
        group.stream()
            .filter(event -> event.kind() == StatusEvent.Kind.REQUESTED)
            .min(Comparator.comparing(StatusEvent::occurredAt))
            .orElse(null);
    Instant requestedAt =
        requested != null
            ? requested.occurredAt()
            : group.stream().map(StatusEvent::occurredAt).min(Comparator.naturalOrder()).get();
    int attempts =
        group.stream()
            .filter(event -> event.kind() != StatusEvent.Kind.REQUESTED)
            .mapToInt(event -> Math.max(1, event.attempt()))
            .max()
            .orElse(0);
    Instant startedAt =
        group.stream()
            .map(StatusEvent::startedAt)
            .filter(at -> at != null)
            .min(Comparator.naturalOrder())
            .orElse(null);
    boolean failure = winner.kind() == StatusEvent.Kind.FAILED;
    return new JobChange(
        winner.syncId(),
        winner.rootSyncId(),
        winner.parentSyncId(),
        winner.entityKind(),
        winner.entityId(),
        requested == null ? null : requested.request(),
        requestedAt,
        winner.jobStatus().value(),
        winner.jobRank(),
        winner.occurredAt(),
        winner.terminal() ? winner.occurredAt() : null,
        failure ? winner.errorCode() : null,
        failure ? winner.errorMessage() : null,
        attempts,
        startedAt);
  }

  static List<EntityChange> entities(List<StatusEvent> events) {
    record Key(EntityKind kind, UUID id) {}
    Map<Key, List<StatusEvent>> byEntity = new LinkedHashMap<>();
    for (StatusEvent event : events) {
      byEntity
          .computeIfAbsent(new Key(event.entityKind(), event.entityId()), key -> new ArrayList<>())
          .add(event);
    }
    List<EntityChange> changes = new ArrayList<>(byEntity.size());
    for (List<StatusEvent> group : byEntity.values()) {
      StatusEvent winner = group.stream().max(ENTITY_ORDER).orElseThrow();
      changes.add(
          new EntityChange(
              winner.entityKind(),
              winner.entityId(),
              winner.entityStatus(),
              winner.entityRank(),
              winner.occurredAt(),
              group.stream().anyMatch(StatusEvent::terminal)));
    }
    changes.sort(Comparator.comparing(EntityChange::entityId));
    return changes;
  }
}
