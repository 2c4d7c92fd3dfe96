package io.setsync.api.request;

import io.setsync.api.outbox.Outbox;
import io.setsync.api.outbox.OutboxRow;
import io.setsync.api.problem.ApiException;
import io.setsync.api.problem.ProblemType;
import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.IdempotencyKeys;
import io.setsync.api.sync.JobStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a sync request in one transaction: resolves (or, for an artist named by external ids and
 * a show or venue named by its Ticketmaster id, creates) the entity, joins its queued or running
 * job unless {@code forceRefresh}, else writes the new job and its outbox row. Requests for one
 * entity are serialised by a transaction-scoped advisory lock, taken with the entity's lookup, so
 * concurrent identical requests make one job; an Idempotency-Key row, claimed first, makes a retry
 * return the first answer. A request without a key takes two statements and the commit.
 */
@Service
class SyncRequestService {

  private static final Logger log = LoggerFactory.getLogger(SyncRequestService.class);

  private final SyncRequestStore store;
  private final Outbox outbox;
  private final Clock clock;

  SyncRequestService(SyncRequestStore store, Outbox outbox, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  SyncAccepted accept(SyncCommand command, Optional<String> idempotencyKey) {
    return IdempotencyKeys.answerOnce(
        store,
        command.requestedBy(),
        idempotencyKey,
        command::fingerprint,
        () -> acceptOnce(command));
  }

  private SyncAccepted acceptOnce(SyncCommand command) {
    SyncRequestStore.Entity entity = resolveAndLock(command);
    UUID syncId = UUID.randomUUID();
    Instant requestedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    SyncRequestStore.Job job =
        store.queueJob(
            syncId,
            command,
            entity,
            requestedAt,
            OutboxRow.syncRequested(command.kind(), entity.id()));
    if (job.joined()) {
      return new SyncAccepted(
          job.syncId(), job.status().value(), command.kind().apiName(), entity.id(), true);
    }
    outbox.wakeRelayAfterCommit();
    try (MDC.MDCCloseable ignored = MDC.putCloseable("syncId", syncId.toString())) {
      log.debug("Sync of {} {} queued", command.kind().apiName(), entity.id());
    }
    return new SyncAccepted(
        syncId, JobStatus.QUEUED.value(), command.kind().apiName(), entity.id(), false);
  }

  /**
   * The entity, locked for this transaction, with the request's external ids in front of the stored
   * ones.
   */
  private SyncRequestStore.Entity resolveAndLock(SyncCommand command) {
    EntityKind kind = command.kind();
    SyncRequestStore.Entity stored;
    if (command.entityId() != null) {
      stored =
          store
              .lockById(kind, command.entityId())
              .orElseThrow(
                  () ->
                      new ApiException(
                          ProblemType.ENTITY_NOT_FOUND,
                          "No " + kind.apiName() + " with entityId " + command.entityId()));
    } else if (kind == EntityKind.ARTIST) {
      stored =
          store
              .createOrLockArtist(command.spotifyId(), command.ticketmasterId())
              .or(() -> store.lockArtist(command.spotifyId(), command.ticketmasterId()))
              .orElseThrow(() -> new IllegalStateException("Artist neither found nor inserted"));
    } else {
      // A show or venue without entityId has a ticketmasterId (spotifyId names artists only, and
      // the body names at least one id); like an artist, it need not be stored yet.
      stored =
          store
              .createOrLockByTicketmasterId(kind, command.ticketmasterId())
              .or(() -> store.lockByTicketmasterId(kind, command.ticketmasterId()))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "The " + kind.apiName() + " was neither found nor inserted"));
    }
    requireSame(kind, "spotifyId", command.spotifyId(), stored.spotifyId());
    requireSame(kind, "ticketmasterId", command.ticketmasterId(), stored.ticketmasterId());
    return new SyncRequestStore.Entity(
        stored.id(),
        command.spotifyId() != null ? command.spotifyId() : stored.spotifyId(),
        command.ticketmasterId() != null ? command.ticketmasterId() : stored.ticketmasterId());
  }

  private static void requireSame(EntityKind kind, String field, String requested, String stored) {
    if (requested != null && stored != null && !requested.equals(stored)) {
      throw new ApiException(
          ProblemType.INVALID_REQUEST,
          "The " + kind.apiName() + " has " + field + " " + stored + ", not " + requested);
    }
  }
}
