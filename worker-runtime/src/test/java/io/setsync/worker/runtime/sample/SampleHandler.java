package io.setsync.worker.runtime.sample;

import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.Fetched;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncHandler;
import io.setsync.worker.runtime.SyncRequest;
import io.setsync.worker.runtime.SyncResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Syncs "venues" whose behaviour its Ticketmaster id names: {@code missing-…} is not found, {@code
 * down-…} is always unavailable, {@code flaky-…} is unavailable for two attempts, {@code limited-…}
 * is rate limited at its first attempt with a {@link #RETRY_AFTER}, {@code cascade-…} asks for a
 * show sync, {@code boom-…} breaks the whole fetch, {@code slow-…} syncs once the test {@linkplain
 * #release(String) releases} it, anything else syncs.
 */
@Component
class SampleHandler implements SyncHandler<String> {

  static final Duration RETRY_AFTER = Duration.ofSeconds(3);

  private static final String UPSERT =
      """
      INSERT INTO venues (id, ticketmaster_id, name)
      VALUES (?, ?, ?)
      ON CONFLICT (ticketmaster_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
      WHERE venues.name IS DISTINCT FROM EXCLUDED.name
      RETURNING id
      """;

  private final JdbcTemplate jdbc;
  private final Map<UUID, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private final AtomicInteger batches = new AtomicInteger();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

  SampleHandler(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public EntityKind entity() {
    return EntityKind.VENUE;
  }

  @Override
  public List<Fetched<String>> fetch(List<SyncRequest> requests) {
    batches.incrementAndGet();
    if (requests.size() > 1
        && requests.stream().anyMatch(request -> id(request).startsWith("boom-"))) {
      throw new IllegalStateException("The upstream broke on a batch with a boom in it");
    }
    List<Fetched<String>> fetched = new ArrayList<>();
    for (SyncRequest request : requests) {
      fetches.computeIfAbsent(request.syncId(), id -> new AtomicInteger()).incrementAndGet();
      String id = id(request);
      if (id.startsWith("missing-")) {
        fetched.add(
            Fetched.failed(request, new SyncFailure(ErrorCode.NOT_FOUND, "No venue " + id)));
      } else if (id.startsWith("down-") || (id.startsWith("flaky-") && request.attempt() <= 2)) {
        fetched.add(
            Fetched.failed(
                request, new SyncFailure(ErrorCode.UPSTREAM_UNAVAILABLE, "Upstream answered 503")));
      } else if (id.startsWith("limited-") && request.attempt() == 1) {
        fetched.add(
            Fetched.failed(
                request,
                new SyncFailure(
                    ErrorCode.UPSTREAM_RATE_LIMITED,
                    "Upstream answered 429",
                    true,
                    RETRY_AFTER,
                    null)));
      } else if (id.startsWith("boom-")) {
        throw new IllegalStateException("boom");
      } else if (id.startsWith("slow-") && !awaitRelease(id)) {
        fetched.add(
            Fetched.failed(request, new SyncFailure(ErrorCode.TIMED_OUT, "Not released: " + id)));
      } else {
        fetched.add(Fetched.of(request, "Venue " + id));
      }
    }
    return fetched;
  }

  @Override
  public List<SyncResult> store(List<Fetched<String>> fetched) {
    List<SyncResult> results = new ArrayList<>();
    for (Fetched<String> one : fetched) {
      SyncRequest request = one.request();
      boolean changed =
          !jdbc.queryForList(
                  UPSERT, UUID.class, request.entityId(), request.ticketmasterId(), one.value())
              .isEmpty();
      List<SyncRequest> followUps = new ArrayList<>();
      if (id(request).startsWith("cascade-")) {
        String showTicketmasterId = request.ticketmasterId() + "-show";
        followUps.add(
            request.cascade(
                EntityKind.SHOW,
                UUID.nameUUIDFromBytes(showTicketmasterId.getBytes(StandardCharsets.UTF_8)),
                null,
                showTicketmasterId,
                "{\"id\":\"" + showTicketmasterId + "\"}",
                Instant.now(),
                "sample-worker",
                Instant.now()));
      }
      results.add(
          new SyncResult.Completed(
              request, changed, Map.of("venues", 1L), null, request.ticketmasterId(), followUps));
    }
    return results;
  }

  /** Lets the fetch of the {@code slow-…} venue with this Ticketmaster id go on. */
  void release(String ticketmasterId) {
    latch(ticketmasterId).countDown();
  }

  private boolean awaitRelease(String ticketmasterId) {
    try {
      return latch(ticketmasterId).await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private CountDownLatch latch(String ticketmasterId) {
    return held.computeIfAbsent(ticketmasterId, id -> new CountDownLatch(1));
  }

  int fetches(UUID syncId) {
    AtomicInteger count = fetches.get(syncId);
    return count == null ? 0 : count.get();
  }

  private static String id(SyncRequest request) {
    return request.ticketmasterId() == null ? "" : request.ticketmasterId();
  }
}
