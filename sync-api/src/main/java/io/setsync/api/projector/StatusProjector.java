package io.setsync.api.projector;

import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.api.sync.EntityKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a poll's events to {@code sync_jobs} and the entities' sync columns in one transaction of
 * a few set-based statements. Idempotent and order-safe: see {@link Projection} and {@link
 * ProjectorStore}.
 */
@Service
class StatusProjector {

  private final ProjectorStore store;
  private final Clock clock;
  private final AtomicLong lagMillis = new AtomicLong();

  StatusProjector(ProjectorStore store, Clock clock, MeterRegistry meters) {
    this.store = store;
    this.clock = clock;
    meters.gauge("setsync.projector.lag", lagMillis, lag -> lag.get() / 1000.0);
  }

  @Transactional
  void apply(List<StatusEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    store.applyJobs(Projection.jobs(events));
    List<Projection.EntityChange> entities = Projection.entities(events);
    for (EntityKind kind : EntityKind.values()) {
      store.applyEntities(
          kind, entities.stream().filter(change -> change.entityKind() == kind).toList());
    }
    Instant newest =
        events.stream().map(StatusEvent::occurredAt).max(Comparator.naturalOrder()).get();
    lagMillis.set(Math.max(0, Duration.between(newest, clock.instant()).toMillis()));
  }
}
