package io.setsync.api.outbox;

import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.SyncReason;
import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row with the job it announces, waiting to be published: the job's SyncRequested, or
 * for a row on {@code sync.outcomes} the SyncFailed of its timeout ({@code errorMessage}, {@code
 * attempts}, {@code finishedAt} are for that one).
 */
record PendingEvent(
    long outboxId,
    UUID eventId,
    String topic,
    String key,
    UUID syncId,
    UUID rootSyncId,
    UUID parentSyncId,
    EntityKind entityKind,
    UUID entityId,
    Instant requestedAt,
    String spotifyId,
    String ticketmasterId,
    SyncReason reason,
    boolean skipDependencies,
    boolean forceRefresh,
    String requestedBy,
    String errorMessage,
    int attempts,
    Instant finishedAt) {}
