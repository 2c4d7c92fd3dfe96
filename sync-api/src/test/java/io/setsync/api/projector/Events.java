package io.setsync.api.projector;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.SyncReason;
import java.time.Instant;
import java.util.UUID;

/** Status events of one job, for projector tests. */
record Events(UUID syncId, UUID rootSyncId, UUID parentSyncId, EntityKind kind, UUID entityId) {

  static Events root(EntityKind kind, UUID entityId) {
    UUID id = UUID.randomUUID();
    return new Events(id, id, null, kind, entityId);
  }

  StatusEvent requested(Instant at) {
    return event(
        StatusEvent.Kind.REQUESTED,
        at,
        1,
        false,
        null,
        null,
        null,
        new StatusEvent.Request("sp", "tm", SyncReason.USER, false, false, "tester"));
  }

  StatusEvent started(Instant at, int attempt) {
    return event(StatusEvent.Kind.STARTED, at, attempt, false, null, null, at, null);
  }

  StatusEvent completed(Instant startedAt, Instant at) {
    return event(StatusEvent.Kind.COMPLETED, at, 1, false, null, null, startedAt, null);
  }

  StatusEvent failed(Instant at, int attempt, boolean isFinal, String code) {
    return event(
        StatusEvent.Kind.FAILED,
        at,
        attempt,
        isFinal,
        code,
        code + " at attempt " + attempt,
        null,
        null);
  }

  private StatusEvent event(
      StatusEvent.Kind kind,
      Instant at,
      int attempt,
      boolean isFinal,
      String code,
      String message,
      Instant startedAt,
      StatusEvent.Request request) {
    return new StatusEvent(
        kind,
        UUID.randomUUID(),
        syncId,
        rootSyncId,
        parentSyncId,
        this.kind,
        entityId,
        at,
        attempt,
        isFinal,
        code,
        message,
        startedAt,
        request);
  }
}
