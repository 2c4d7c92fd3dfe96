package io.setsync.api.request;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys after their retention, in small batches; safe on every instance. */
@Component
class IdempotencyKeyPurge {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);
  private static final int BATCH = 1000;

  private final SyncRequestStore store;
  private final Clock clock;
  private final Duration retention;

  IdempotencyKeyPurge(SyncRequestStore store, Clock clock, RequestSettings settings) {
    this.store = store;
    this.clock = clock;
    this.retention = settings.idempotencyKeyRetention();
  }

  @Scheduled(
      fixedDelayString = "${setsync.api.idempotency-key-purge-interval:5m}",
      initialDelayString = "${setsync.api.idempotency-key-purge-interval:5m}")
  void purge() {
    int total = 0;
    try {
      int deleted;
      do {
        deleted = store.purgeIdempotencyKeys(clock.instant().minus(retention), BATCH);
        total += deleted;
      } while (deleted == BATCH);
    } catch (RuntimeException e) {
      log.warn("Purging idempotency keys failed, next try at the next interval: {}", e.toString());
    }
    if (total > 0) {
      log.info("Purged {} idempotency keys older than {}", total, retention);
    }
  }
}
