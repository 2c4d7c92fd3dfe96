package io.setsync.api.outbox;

import io.setsync.api.sync.EntityKind;
import io.setsync.events.EntityType;
import io.setsync.schemas.topic.Topics;
import java.util.UUID;

/**
 * A row of {@code sync_outbox}, to be written with the id of the job it announces: the relay reads
 * the event's facts from that job's {@code sync_jobs} row when it publishes.
 */
public record OutboxRow(UUID eventId, String topic, String messageKey) {

  /** The SyncRequested of a new job of this entity, keyed by the entity. */
  public static OutboxRow syncRequested(EntityKind kind, UUID entityId) {
    return new OutboxRow(
        UUID.randomUUID(),
        Topics.requested(EntityType.valueOf(kind.name())).name(),
        Topics.key(entityId));
  }
}
