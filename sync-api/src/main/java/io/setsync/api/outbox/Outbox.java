package io.setsync.api.outbox;

import io.setsync.api.sync.EntityKind;
import io.setsync.events.EntityType;
import io.setsync.schemas.topic.Topics;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where features record events to publish: a row in the caller's transaction, published by the
 * {@link OutboxRelay} once that transaction commits (the relay is woken right after the commit).
 */
@Component
public class Outbox {

  private final OutboxStore store;
  private final OutboxRelay relay;

  Outbox(OutboxStore store, OutboxRelay relay) {
    this.store = store;
    this.relay = relay;
  }

  /** Records the SyncRequested of the job {@code syncId}, keyed by its entity. */
  public void enqueueRequested(UUID syncId, EntityKind kind, UUID entityId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("The outbox is written inside the job's transaction only");
    }
    String topic = Topics.requested(EntityType.valueOf(kind.name())).name();
    store.insert(UUID.randomUUID(), syncId, topic, Topics.key(entityId));
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }
        });
  }
}
