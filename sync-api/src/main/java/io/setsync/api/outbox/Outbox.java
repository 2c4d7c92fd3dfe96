package io.setsync.api.outbox;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How features publish events: a feature inserts an {@link OutboxRow} into {@code sync_outbox} in
 * the transaction that writes its job, then calls {@link #wakeRelayAfterCommit()}; the {@link
 * OutboxRelay} publishes the row once that transaction commits. The insert is the feature's own, so
 * that it can share a statement with the job's (the request feature writes job, outbox row and
 * entity status in one round trip).
 */
public class Outbox {

  /** The {@code producer} of the events sync-api publishes. */
  public static final String PRODUCER = "sync-api";

  private final Runnable relayWakeUp;

  /** {@code relayWakeUp}: asks the relay for a round (a bean of {@link OutboxConfiguration}). */
  public Outbox(Runnable relayWakeUp) {
    this.relayWakeUp = relayWakeUp;
  }

  /**
   * Wakes the relay right after the current transaction commits, so that the rows it wrote are
   * published at once instead of at the relay's next poll.
   */
  public void wakeRelayAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("The outbox is written inside the job's transaction only");
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relayWakeUp.run();
          }
        });
  }
}
