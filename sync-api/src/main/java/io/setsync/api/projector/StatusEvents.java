package io.setsync.api.projector;

import io.setsync.api.outbox.Outbox;
import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.SyncReason;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Avro events to {@link StatusEvent}s, at the Kafka edge. */
final class StatusEvents {

  private StatusEvents() {}

  /**
   * An event sync-api wrote through its own outbox, which the database has already: a user's
   * SyncRequested (its transaction wrote the job and the entity's queued status with the outbox
   * row) and the sweeper's SyncFailed {@code TIMED_OUT} (see {@link JobTimeouts}: applied by the
   * sweep with ranks an event cannot carry). Applying them again changed nothing and cost a
   * transaction of three statements per poll.
   */
  static boolean isOwnEvent(SpecificRecord record) {
    return (record instanceof SyncRequested requested
            && Outbox.PRODUCER.equals(requested.getProducer()))
        || (record instanceof SyncFailed failed
            && Outbox.PRODUCER.equals(failed.getProducer())
            && failed.getErrorCode() == SyncErrorCode.TIMED_OUT);
  }

  /** The event, or empty for a record type the projector does not know (a newer producer's). */
  static Optional<StatusEvent> fromAvro(SpecificRecord record) {
    if (record instanceof SyncRequested e) {
      return Optional.of(
          new StatusEvent(
              StatusEvent.Kind.REQUESTED,
              e.getEventId(),
              e.getSyncId(),
              e.getRootSyncId(),
              e.getParentSyncId(),
              EntityKind.valueOf(e.getEntityType().name()),
              e.getEntityId(),
              e.getOccurredAt(),
              e.getAttempt(),
              false,
              null,
              null,
              null,
              new StatusEvent.Request(
                  e.getSpotifyId(),
                  e.getTicketmasterId(),
                  SyncReason.valueOf(e.getReason().name()),
                  e.getOptions() != null && e.getOptions().getSkipDependencies(),
                  e.getOptions() != null && e.getOptions().getForceRefresh(),
                  e.getRequestedBy())));
    }
    if (record instanceof SyncStarted e) {
      return Optional.of(
          new StatusEvent(
              StatusEvent.Kind.STARTED,
              e.getEventId(),
              e.getSyncId(),
              e.getRootSyncId(),
              e.getParentSyncId(),
              EntityKind.valueOf(e.getEntityType().name()),
              e.getEntityId(),
              e.getOccurredAt(),
              e.getAttempt(),
              false,
              null,
              null,
              e.getOccurredAt(),
              null));
    }
    if (record instanceof SyncCompleted e) {
      return Optional.of(
          new StatusEvent(
              StatusEvent.Kind.COMPLETED,
              e.getEventId(),
              e.getSyncId(),
              e.getRootSyncId(),
              e.getParentSyncId(),
              EntityKind.valueOf(e.getEntityType().name()),
              e.getEntityId(),
              e.getOccurredAt(),
              1,
              false,
              null,
              null,
              e.getStartedAt(),
              null));
    }
    if (record instanceof SyncFailed e) {
      return Optional.of(
          new StatusEvent(
              StatusEvent.Kind.FAILED,
              e.getEventId(),
              e.getSyncId(),
              e.getRootSyncId(),
              e.getParentSyncId(),
              EntityKind.valueOf(e.getEntityType().name()),
              e.getEntityId(),
              e.getOccurredAt(),
              e.getAttempt(),
              e.getFinal$(),
              e.getErrorCode() == null ? "INTERNAL" : e.getErrorCode().name(),
              e.getErrorMessage(),
              null,
              null));
    }
    return Optional.empty();
  }
}
