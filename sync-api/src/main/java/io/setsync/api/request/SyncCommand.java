package io.setsync.api.request;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.IdempotencyKeys;
import java.util.UUID;

/** A validated sync request of one client. */
record SyncCommand(
    EntityKind kind,
    UUID entityId,
    String spotifyId,
    String ticketmasterId,
    boolean skipDependencies,
    boolean forceRefresh,
    String requestedBy) {

  static SyncCommand from(SyncRequestBody body, String requestedBy) {
    EntityKind kind =
        EntityKind.fromApiName(body.entityType())
            .orElseThrow(() -> new IllegalArgumentException("validated before"));
    SyncRequestBody.SyncOptionsBody options = body.optionsOrDefault();
    return new SyncCommand(
        kind,
        body.entityId(),
        body.spotifyId(),
        body.ticketmasterId(),
        options.skip(),
        options.force(),
        requestedBy);
  }

  /** Identifies the request's meaning, so a reused Idempotency-Key with another body is caught. */
  byte[] fingerprint() {
    return IdempotencyKeys.fingerprint(
        kind.apiName(),
        String.valueOf(entityId),
        String.valueOf(spotifyId),
        String.valueOf(ticketmasterId),
        String.valueOf(skipDependencies),
        String.valueOf(forceRefresh));
  }
}
