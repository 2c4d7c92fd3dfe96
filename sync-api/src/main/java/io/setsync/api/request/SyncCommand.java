package io.setsync.api.request;

import io.setsync.api.sync.EntityKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    String canonical =
        String.join(
            "\n",
            kind.apiName(),
            String.valueOf(entityId),
            String.valueOf(spotifyId),
            String.valueOf(ticketmasterId),
            String.valueOf(skipDependencies),
            String.valueOf(forceRefresh));
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
