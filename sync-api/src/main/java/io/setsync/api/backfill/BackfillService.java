package io.setsync.api.backfill;

import io.setsync.api.problem.ApiException;
import io.setsync.api.problem.ProblemType;
import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.IdempotencyKeys;
import io.setsync.api.sync.SyncReason;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a backfill with the size of its selection; {@link BackfillEnqueuer} then makes its jobs.
 * The selection is evaluated again page by page as the jobs are made, so an entity synced in the
 * meantime (selector stale or failed) is not synced twice.
 */
@Service
class BackfillService {

  private static final Logger log = LoggerFactory.getLogger(BackfillService.class);

  private final BackfillStore store;
  private final Clock clock;

  BackfillService(BackfillStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records the backfill. With an Idempotency-Key, a retry of the same request returns the first
   * answer, and the key reused with another request is a 422; the key, claimed first, makes a
   * concurrent retry wait for the first to commit.
   */
  @Transactional
  BackfillAccepted create(
      BackfillRequestBody body, String requestedBy, Optional<String> idempotencyKey) {
    return IdempotencyKeys.answerOnce(
        store,
        requestedBy,
        idempotencyKey,
        () -> fingerprint(body),
        () -> createOnce(body, requestedBy));
  }

  private BackfillAccepted createOnce(BackfillRequestBody body, String requestedBy) {
    EntityKind kind = EntityKind.fromApiName(body.entityType()).orElseThrow(this::invalid);
    BackfillSelector selector =
        BackfillSelector.fromApiName(body.selector()).orElseThrow(this::invalid);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant staleBefore =
        selector == BackfillSelector.STALE ? IsoDuration.before(now, body.staleAfter()) : null;
    BackfillStore.Backfill backfill =
        BackfillStore.Backfill.starting(
            SyncReason.BACKFILL,
            kind,
            selector,
            staleBefore,
            body.maxPerSecondOrDefault(),
            requestedBy,
            now);
    long total = store.count(kind, selector, staleBefore);
    store.create(backfill, total);
    log.info(
        "Backfill {} of {} {} {}s by {}, at most {}/s",
        backfill.id(),
        total,
        selector.apiName(),
        kind.apiName(),
        requestedBy,
        backfill.maxPerSecond());
    return new BackfillAccepted(backfill.id());
  }

  private byte[] fingerprint(BackfillRequestBody body) {
    return IdempotencyKeys.fingerprint(
        EntityKind.fromApiName(body.entityType()).orElseThrow(this::invalid).apiName(),
        BackfillSelector.fromApiName(body.selector()).orElseThrow(this::invalid).apiName(),
        String.valueOf(body.staleAfter()),
        String.valueOf(body.maxPerSecondOrDefault()));
  }

  BackfillView find(UUID id) {
    return store
        .find(id)
        .orElseThrow(() -> new ApiException(ProblemType.BACKFILL_NOT_FOUND, "No backfill " + id));
  }

  private ApiException invalid() {
    // The body's validation admits only known names; this is a second guard.
    return new ApiException(ProblemType.INVALID_REQUEST, "Unknown entityType or selector");
  }
}
