package io.setsync.api.request;

import io.setsync.api.sync.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets every feature's idempotency keys after their retention, in small batches; safe on every
 * instance.
 */
@Component
class IdempotencyKeyPurge {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);
  private static final int BATCH = 1000;

  private final List<IdempotencyKeys.Store<?>> stores;
  private final Clock clock;
  private final Duration retention;

  IdempotencyKeyPurge(
      List<IdempotencyKeys.Store<?>> stores, Clock clock, RequestSettings settings) {
    this.stores = stores;
    this.clock = clock;
    this.retention = settings.idempotencyKeyRetention();
  }

  @Scheduled(
      fixedDelayString = "${setsync.api.idempotency-key-purge-interval:5m}",
      initialDelayString = "${setsync.api.idempotency-key-purge-interval:5m}")
  void purge() {
    int total = 0;
    try {
      for (IdempotencyKeys.Store<?> store : stores) {
        int deleted;
        do {
          deleted = store.purgeIdempotencyKeys(clock.instant().minus(retention), BATCH);
          total += deleted;
        } while (deleted == BATCH);
      }
    } catch (RuntimeException e) {
      log.warn("Purging idempotency keys failed, next try at the next interval: {}", e.toString());
    }
    if (total > 0) {
      log.info("Purged {} idempotency keys older than {}", total, retention);
    }
  }
}
