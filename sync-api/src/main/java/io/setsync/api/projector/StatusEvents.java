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
   * The sweeper's own SyncFailed ({@code TIMED_OUT} from sync-api, see {@link JobTimeouts}): the
   * sweep applied it in the transaction that wrote it, with ranks an event cannot carry.
   */
  static boolean isSweeperVerdict(SpecificRecord record) {
    return record instanceof SyncFailed e
        && Outbox.PRODUCER.equals(e.getProducer())
        && e.getErrorCode() == SyncErrorCode.TIMED_OUT;
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
