package io.setsync.worker.runtime.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.worker.runtime.testing.EventLog;
import io.setsync.worker.runtime.testing.TestRequests;
import io.setsync.worker.runtime.testing.TestSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// A started-delay far longer than a sample sync takes, so that a quick sync's start is always sent
// with its outcome, and a held one's start visibly at the delay.
@SpringBootTest(
    classes = SampleWorkerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "setsync.worker.started-delay=" + WorkerRuntimeIntegrationTests.STARTED_DELAY)
class WorkerRuntimeIntegrationTests {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  static final String STARTED_DELAY = "2s";

  private static EventLog<SpecificRecord> events;
  private static EventLog<byte[]> deadLetters;
  private static TestRequests requests;

  @Autowired SampleHandler handler;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerProperties(registry, DB);
    registry.add("setsync.worker.schema-registry-url", TestSchemaRegistry::url);
  }

  @BeforeEach
  void openLogs() {
    // After the context started: it created the topics.
    if (events == null) {
      String registry = TestSchemaRegistry.url();
      events = EventLog.avro(registry, "sync.outcomes", "sync.requested.show", "sync.replay.show");
      deadLetters = EventLog.raw("sync.requested.venue-dlt");
      requests = new TestRequests(registry);
    }
  }

  @AfterAll
  static void closeLogs() {
    if (events != null) {
      events.close();
      deadLetters.close();
      requests.close();
    }
  }

  @Test
  void reportsStartedThenCompletedWithCountsAndStoresTheEntity() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "ok-" + venueId).build());

    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0)).isInstanceOf(SyncStarted.class);
    SyncCompleted completed = (SyncCompleted) outcomes.get(1);
    assertThat(completed.getChanged()).isTrue();
    assertThat(completed.getCounts()).containsEntry("venues", 1L);
    assertThat(completed.getEntityId()).isEqualTo(venueId);
    assertThat(completed.getRootSyncId()).isEqualTo(request.getSyncId());
    assertThat(completed.getProducer()).isEqualTo("sample-worker");
    assertThat(completed.getTicketmasterId()).isEqualTo("ok-" + venueId);
    assertThat(jdbc.queryForObject("SELECT name FROM venues WHERE id = ?", String.class, venueId))
        .isEqualTo("Venue ok-" + venueId);
    assertThat(
            jdbc.queryForObject(
                "SELECT outcome FROM processed_syncs WHERE sync_id = ?",
                String.class,
                request.getSyncId()))
        .isEqualTo("completed");
  }

  @Test
  void sendsTheStartOfAQuickSyncRightBeforeItsOutcome() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "ok-" + venueId).build());

    awaitFinal(request.getSyncId());

    List<ConsumerRecord<String, SpecificRecord>> records = outcomeRecords(venueId);
    assertThat(records).hasSize(2);
    SyncStarted started = (SyncStarted) records.get(0).value();
    SyncCompleted completed = (SyncCompleted) records.get(1).value();
    assertThat(started.getOccurredAt()).isEqualTo(completed.getStartedAt());
    // Held back: sent once the outcome was decided, not when the sync started.
    assertThat(records.get(0).timestamp())
        .isGreaterThanOrEqualTo(completed.getOccurredAt().toEpochMilli());
  }

  @Test
  void sendsTheStartOfASlowSyncAfterTheStartedDelayBeforeItEnds() {
    UUID venueId = UUID.randomUUID();
    String ticketmasterId = "slow-" + venueId;
    SyncRequested request = requests.send(venue(venueId, ticketmasterId).build());
    try {
      List<SpecificRecord> whileHeld =
          await()
              .atMost(PATIENCE)
              .until(
                  () -> {
                    events.poll();
                    return outcomesOf(request.getSyncId());
                  },
                  outcomes -> !outcomes.isEmpty());
      assertThat(whileHeld).singleElement().isInstanceOf(SyncStarted.class);
      ConsumerRecord<String, SpecificRecord> start = outcomeRecords(venueId).get(0);
      assertThat(start.timestamp())
          .isGreaterThanOrEqualTo(
              ((SyncStarted) start.value())
                  .getOccurredAt()
                  .plus(Duration.parse("PT" + STARTED_DELAY))
                  .toEpochMilli());
    } finally {
      handler.release(ticketmasterId);
    }

    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    assertThat(outcomes).hasSize(2);
    assertThat(((SyncCompleted) outcomes.get(1)).getStartedAt())
        .isEqualTo(((SyncStarted) outcomes.get(0)).getOccurredAt());
  }

  @Test
  void retriesARetryableFailureThroughTheRetryTopicsUntilItSucceeds() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "flaky-" + venueId).build());

    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    List<SyncFailed> failures = only(outcomes, SyncFailed.class);
    assertThat(failures)
        .extracting(SyncFailed::getAttempt, SyncFailed::getFinal$, SyncFailed::getRetryable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, false, true),
            org.assertj.core.groups.Tuple.tuple(2, false, true));
    assertThat(failures).allMatch(f -> f.getErrorCode() == SyncErrorCode.UPSTREAM_UNAVAILABLE);
    assertThat(only(outcomes, SyncStarted.class))
        .extracting(SyncStarted::getAttempt)
        .containsExactly(1, 2, 3);
    assertThat(outcomes.get(outcomes.size() - 1)).isInstanceOf(SyncCompleted.class);
    assertThat(handler.fetches(request.getSyncId())).isEqualTo(3);
  }

  @Test
  void waitsTheUpstreamsRetryAfterBeforeTheNextAttempt() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "limited-" + venueId).build());

    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    // The retry topic's own back-off is 200 ms; the upstream asked for 3 s.
    List<SyncStarted> starts = only(outcomes, SyncStarted.class);
    assertThat(starts).extracting(SyncStarted::getAttempt).containsExactly(1, 2);
    SyncFailed failed = only(outcomes, SyncFailed.class).get(0);
    assertThat(failed.getErrorCode()).isEqualTo(SyncErrorCode.UPSTREAM_RATE_LIMITED);
    assertThat(Duration.between(failed.getOccurredAt(), starts.get(1).getOccurredAt()))
        .isGreaterThanOrEqualTo(SampleHandler.RETRY_AFTER.minusMillis(100));
    assertThat(outcomes.get(outcomes.size() - 1)).isInstanceOf(SyncCompleted.class);
  }

  @Test
  void endsWithAFinalFailureAndADeadLetterWhenRetriesRunOut() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "down-" + venueId).build());

    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    List<SyncFailed> failures = only(outcomes, SyncFailed.class);
    assertThat(failures).extracting(SyncFailed::getAttempt).containsExactly(1, 2, 3);
    assertThat(failures).extracting(SyncFailed::getFinal$).containsExactly(false, false, true);
    ConsumerRecord<String, byte[]> dead =
        await()
            .atMost(PATIENCE)
            .until(() -> firstWithKey(deadLetters, venueId.toString()), r -> r != null);
    assertThat(header(dead, "setsync-error-code")).isEqualTo("UPSTREAM_UNAVAILABLE");
    assertThat(header(dead, "setsync-error-retryable")).isEqualTo("true");
    assertThat(header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo("sync.requested.venue");
    assertThat(header(dead, KafkaHeaders.EXCEPTION_MESSAGE)).contains("Upstream answered 503");
    assertThat(
            meters.get("setsync.worker.dead.letters").tag("reason", "exhausted").counter().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void failsANonRetryableFailureAtOnce() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "missing-" + venueId).build());

    List<SpecificRecord> outcomes = awaitFinal(request.getSyncId());

    SyncFailed failed = only(outcomes, SyncFailed.class).get(0);
    assertThat(only(outcomes, SyncFailed.class)).hasSize(1);
    assertThat(failed.getErrorCode()).isEqualTo(SyncErrorCode.NOT_FOUND);
    assertThat(failed.getRetryable()).isFalse();
    assertThat(failed.getFinal$()).isTrue();
    assertThat(failed.getAttempt()).isEqualTo(1);
    assertThat(handler.fetches(request.getSyncId())).isEqualTo(1);
  }

  @Test
  void sendsAnUndecodableRecordToTheDeadLetterTopicAndCarriesOn() {
    UUID venueId = UUID.randomUUID();
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    requests.sendRaw("sync.requested.venue", venueId.toString(), garbage);
    SyncRequested next = requests.send(venue(venueId, "ok-" + venueId).build());

    assertThat(awaitFinal(next.getSyncId()).get(1)).isInstanceOf(SyncCompleted.class);
    ConsumerRecord<String, byte[]> dead =
        await()
            .atMost(PATIENCE)
            .until(() -> firstWithKey(deadLetters, venueId.toString()), r -> r != null);
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(header(dead, KafkaHeaders.EXCEPTION_STACKTRACE)).contains("magic byte");
    assertThat(header(dead, "setsync-error-message")).contains("magic byte");
    assertThat(header(dead, "setsync-error-code")).isNull();
    assertThat(header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo("sync.requested.venue");
  }

  @Test
  void publishesTheSameOutcomeAgainForARedeliveredRequestWithoutRunningIt() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "cascade-" + venueId).build());
    SyncCompleted first = (SyncCompleted) awaitFinal(request.getSyncId()).get(1);

    requests.send(request);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              events.poll();
              assertThat(of(request.getSyncId(), SyncCompleted.class)).hasSize(2);
            });
    assertThat(of(request.getSyncId(), SyncCompleted.class))
        .extracting(SyncCompleted::getEventId)
        .containsOnly(first.getEventId());
    assertThat(of(request.getSyncId(), SyncStarted.class)).hasSize(1);
    assertThat(handler.fetches(request.getSyncId())).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM venues WHERE ticketmaster_id = ?",
                Integer.class,
                "cascade-" + venueId))
        .isEqualTo(1);
    // The cascade went out again, as the same request.
    List<SyncRequested> cascades = cascadesOf(request.getSyncId());
    assertThat(cascades).hasSize(2);
    assertThat(cascades)
        .extracting(SyncRequested::getSyncId)
        .containsOnly(cascades.get(0).getSyncId());
    assertThat(cascades)
        .extracting(SyncRequested::getEventId)
        .containsOnly(cascades.get(0).getEventId());
  }

  @Test
  void asksForFollowUpsWithLineageAndTheSnapshot() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request = requests.send(venue(venueId, "cascade-" + venueId).build());
    awaitFinal(request.getSyncId());

    SyncRequested cascade =
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  events.poll();
                  List<SyncRequested> found = cascadesOf(request.getSyncId());
                  return found.isEmpty() ? null : found.get(0);
                },
                found -> found != null);
    assertThat(cascade.getReason()).isEqualTo(SyncReason.CASCADE);
    assertThat(cascade.getEntityType()).isEqualTo(EntityType.SHOW);
    assertThat(cascade.getRootSyncId()).isEqualTo(request.getSyncId());
    assertThat(cascade.getParentSyncId()).isEqualTo(request.getSyncId());
    assertThat(cascade.getTicketmasterId()).isEqualTo("cascade-" + venueId + "-show");
    assertThat(cascade.getSnapshot()).contains("cascade-" + venueId + "-show");
    assertThat(cascade.getSnapshotAt()).isNotNull();
  }

  @Test
  void answersAFreshEntityWithoutFetchingUnlessForced() {
    UUID venueId = UUID.randomUUID();
    String ticketmasterId = "ok-" + venueId;
    awaitFinal(requests.send(venue(venueId, ticketmasterId).build()).getSyncId());

    SyncRequested again = requests.send(venue(venueId, ticketmasterId).build());
    SyncCompleted fresh = (SyncCompleted) last(awaitFinal(again.getSyncId()));
    SyncRequested forced =
        requests.send(
            venue(venueId, ticketmasterId)
                .setOptions(SyncOptions.newBuilder().setForceRefresh(true).build())
                .build());
    SyncCompleted refetched = (SyncCompleted) last(awaitFinal(forced.getSyncId()));

    assertThat(fresh.getChanged()).isFalse();
    assertThat(fresh.getCounts()).isEmpty();
    assertThat(fresh.getTicketmasterId()).isEqualTo(ticketmasterId);
    assertThat(handler.fetches(again.getSyncId())).isZero();
    assertThat(handler.fetches(forced.getSyncId())).isEqualTo(1);
    assertThat(refetched.getChanged()).isFalse();
  }

  @Test
  void servesTheReplayTopicAndKeepsItsCascadeThere() {
    UUID venueId = UUID.randomUUID();
    SyncRequested request =
        requests.replay(
            venue(venueId, "cascade-" + venueId).setReason(SyncReason.BACKFILL).build());

    assertThat(last(awaitFinal(request.getSyncId()))).isInstanceOf(SyncCompleted.class);
    ConsumerRecord<String, SpecificRecord> cascade =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    events.poll().stream()
                        .filter(
                            r ->
                                r.value() instanceof SyncRequested c
                                    && request.getSyncId().equals(c.getParentSyncId()))
                        .findFirst()
                        .orElse(null),
                found -> found != null);
    assertThat(cascade.topic()).isEqualTo("sync.replay.show");
    assertThat(meters.get("setsync.worker.syncs").tag("source", "replay").timer().count())
        .isGreaterThanOrEqualTo(1);
    // Consumer lag, from the Kafka client metrics, per listener.
    assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").meters()).isNotEmpty();
  }

  @Test
  void isolatesARequestThatBreaksTheBatchFetch() {
    UUID good = UUID.randomUUID();
    UUID bad = UUID.randomUUID();
    // Same partition is not guaranteed, but whether together or apart, both must end right.
    SyncRequested ok = requests.send(venue(good, "ok-" + good).build());
    SyncRequested boom = requests.send(venue(bad, "boom-" + bad).build());

    assertThat(last(awaitFinal(ok.getSyncId()))).isInstanceOf(SyncCompleted.class);
    SyncFailed failed = (SyncFailed) last(awaitFinal(boom.getSyncId()));
    assertThat(failed.getErrorCode()).isEqualTo(SyncErrorCode.INTERNAL);
    assertThat(failed.getFinal$()).isTrue();
  }

  private static SyncRequested.Builder venue(UUID venueId, String ticketmasterId) {
    return TestRequests.request(EntityType.VENUE, venueId, null, ticketmasterId);
  }

  /** The outcome events of the sync, once it has a terminal one. */
  private static List<SpecificRecord> awaitFinal(UUID syncId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              events.poll();
              return outcomesOf(syncId);
            },
            outcomes -> !outcomes.isEmpty() && terminal(last(outcomes)));
  }

  private static boolean terminal(SpecificRecord event) {
    return event instanceof SyncCompleted || (event instanceof SyncFailed f && f.getFinal$());
  }

  private static List<SpecificRecord> outcomesOf(UUID syncId) {
    return events.values(
        event ->
            (event instanceof SyncStarted s && s.getSyncId().equals(syncId))
                || (event instanceof SyncCompleted c && c.getSyncId().equals(syncId))
                || (event instanceof SyncFailed f && f.getSyncId().equals(syncId)));
  }

  /** The records of the entity on {@code sync.outcomes}, in offset order. */
  private static List<ConsumerRecord<String, SpecificRecord>> outcomeRecords(UUID entityId) {
    events.poll();
    return events.withKey(entityId.toString()).stream()
        .filter(record -> record.topic().equals("sync.outcomes"))
        .sorted(Comparator.comparingLong(ConsumerRecord::offset))
        .toList();
  }

  private static <T> List<T> of(UUID syncId, Class<T> type) {
    return only(outcomesOf(syncId), type);
  }

  private static List<SyncRequested> cascadesOf(UUID parentSyncId) {
    return events
        .values(e -> e instanceof SyncRequested r && parentSyncId.equals(r.getParentSyncId()))
        .stream()
        .map(SyncRequested.class::cast)
        .toList();
  }

  private static <T> List<T> only(List<SpecificRecord> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static SpecificRecord last(List<SpecificRecord> events) {
    return events.get(events.size() - 1);
  }

  private static ConsumerRecord<String, byte[]> firstWithKey(EventLog<byte[]> log, String key) {
    log.poll();
    List<ConsumerRecord<String, byte[]>> found = log.withKey(key);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unused")
  private static Instant now() {
    return Instant.now();
  }
}
