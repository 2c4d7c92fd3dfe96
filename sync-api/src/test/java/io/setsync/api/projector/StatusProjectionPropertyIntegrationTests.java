package io.setsync.api.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.api.sync.EntityKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Whatever the order, duplication and batching of a set of events, the projection ends in the state
 * that applying them one by one in time order gives, on real PostgreSQL.
 */
class StatusProjectionPropertyIntegrationTests {

  private static final ProjectorDatabase DB = new ProjectorDatabase();

  /** How a job's life goes: the events it produces, in order. */
  enum Life {
    QUEUED,
    STARTED,
    COMPLETED,
    FAILED,
    RETRIED_THEN_COMPLETED,
    RETRIED_THEN_FAILED,
    RETRYING
  }

  /** A set of jobs for one artist, how their events interleave in time, and how they arrive. */
  record Scenario(List<Life> lives, long seed) {}

  @AfterContainer
  static void close() {
    DB.dataSource.close();
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(
            Arbitraries.of(Life.class).list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs())
        .as(Scenario::new);
  }

  @Property(tries = 150)
  void anyOrderDuplicatesAndBatchingGiveTheInOrderState(@ForAll("scenarios") Scenario scenario) {
    // given the events of each job, interleaved in time
    Random random = new Random(scenario.seed());
    UUID artistId = DB.insertArtist();
    List<List<StatusEvent>> lives = new ArrayList<>();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<Events> jobs = new ArrayList<>();
    for (Life life : scenario.lives()) {
      jobs.add(Events.root(EntityKind.ARTIST, artistId));
    }
    List<StatusEvent> timeline = interleave(jobs, scenario.lives(), t0, random);
    for (Events job : jobs) {
      lives.add(timeline.stream().filter(e -> e.syncId().equals(job.syncId())).toList());
    }

    // when they arrive shuffled, some twice, in batches of random sizes
    List<StatusEvent> delivered = new ArrayList<>(timeline);
    for (StatusEvent event : timeline) {
      if (random.nextInt(3) == 0) {
        delivered.add(event);
      }
    }
    Collections.shuffle(delivered, random);
    int i = 0;
    while (i < delivered.size()) {
      int size = 1 + random.nextInt(delivered.size() - i);
      DB.apply(delivered.subList(i, i + size));
      i += size;
    }

    // then every job and the artist are as the in-order history says
    for (List<StatusEvent> life : lives) {
      assertJob(life);
    }
    assertArtist(artistId, timeline);
  }

  private static List<StatusEvent> interleave(
      List<Events> jobs, List<Life> lives, Instant t0, Random random) {
    List<List<Step>> steps = new ArrayList<>();
    for (Life life : lives) {
      steps.add(steps(life));
    }
    List<StatusEvent> timeline = new ArrayList<>();
    int[] next = new int[jobs.size()];
    Map<Integer, Instant> lastStart = new LinkedHashMap<>();
    long millis = 0;
    while (true) {
      List<Integer> open = new ArrayList<>();
      for (int j = 0; j < jobs.size(); j++) {
        if (next[j] < steps.get(j).size()) {
          open.add(j);
        }
      }
      if (open.isEmpty()) {
        return timeline;
      }
      int j = open.get(random.nextInt(open.size()));
      Step step = steps.get(j).get(next[j]++);
      millis += 1 + random.nextInt(1000);
      Instant at = t0.plusMillis(millis);
      Events job = jobs.get(j);
      StatusEvent event =
          switch (step.kind()) {
            case REQUESTED -> job.requested(at);
            case STARTED -> {
              lastStart.put(j, at);
              yield job.started(at, step.attempt());
            }
            case COMPLETED -> job.completed(lastStart.get(j), at);
            case FAILED -> job.failed(at, step.attempt(), step.isFinal(), "UPSTREAM_UNAVAILABLE");
          };
      timeline.add(event);
    }
  }

  record Step(StatusEvent.Kind kind, int attempt, boolean isFinal) {}

  private static List<Step> steps(Life life) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(StatusEvent.Kind.REQUESTED, 1, false));
    if (life == Life.QUEUED) {
      return steps;
    }
    steps.add(new Step(StatusEvent.Kind.STARTED, 1, false));
    switch (life) {
      case COMPLETED -> steps.add(new Step(StatusEvent.Kind.COMPLETED, 1, false));
      case FAILED -> steps.add(new Step(StatusEvent.Kind.FAILED, 1, true));
      case RETRIED_THEN_COMPLETED, RETRIED_THEN_FAILED, RETRYING -> {
        steps.add(new Step(StatusEvent.Kind.FAILED, 1, false));
        steps.add(new Step(StatusEvent.Kind.STARTED, 2, false));
        if (life == Life.RETRIED_THEN_COMPLETED) {
          steps.add(new Step(StatusEvent.Kind.COMPLETED, 2, false));
        } else if (life == Life.RETRIED_THEN_FAILED) {
          steps.add(new Step(StatusEvent.Kind.FAILED, 2, true));
        } else {
          steps.add(new Step(StatusEvent.Kind.FAILED, 2, false));
        }
      }
      default -> {}
    }
    return steps;
  }

  private static void assertJob(List<StatusEvent> life) {
    StatusEvent last = life.get(life.size() - 1);
    Map<String, Object> row =
        DB.jdbc
            .sql(
                """
                SELECT status, attempts, started_at, finished_at, error_code, error_message,
                       requested_at, reason, request_known
                FROM sync_jobs WHERE id = ?
                """)
            .param(last.syncId())
            .query()
            .singleRow();
    assertThat(row.get("status")).as("status of %s", life).isEqualTo(last.jobStatus().value());
    assertThat(row.get("attempts"))
        .isEqualTo(
            life.stream()
                .filter(e -> e.kind() != StatusEvent.Kind.REQUESTED)
                .mapToInt(StatusEvent::attempt)
                .max()
                .orElse(0));
    assertThat(instant(row.get("started_at")))
        .isEqualTo(
            life.stream()
                .filter(e -> e.kind() == StatusEvent.Kind.STARTED)
                .map(StatusEvent::occurredAt)
                .findFirst()
                .orElse(null));
    assertThat(instant(row.get("finished_at")))
        .isEqualTo(last.terminal() ? last.occurredAt() : null);
    assertThat(row.get("error_code")).isEqualTo(last.errorCode());
    assertThat(row.get("error_message")).isEqualTo(last.errorMessage());
    assertThat(instant(row.get("requested_at"))).isEqualTo(life.get(0).occurredAt());
    assertThat(row.get("reason")).isEqualTo("USER");
    assertThat(row.get("request_known")).isEqualTo(true);
  }

  private static void assertArtist(UUID artistId, List<StatusEvent> timeline) {
    Map<String, Object> row =
        DB.jdbc
            .sql(
                "SELECT sync_status, sync_status_at, last_sync, last_sync_error FROM artists WHERE id = ?")
            .param(artistId)
            .query()
            .singleRow();
    StatusEvent latest = timeline.get(timeline.size() - 1);
    assertThat(row.get("sync_status")).isEqualTo(latest.entityStatus());
    assertThat(instant(row.get("sync_status_at"))).isEqualTo(latest.occurredAt());
    assertThat(instant(row.get("last_sync")))
        .isEqualTo(
            timeline.stream()
                .filter(e -> e.kind() == StatusEvent.Kind.COMPLETED)
                .map(StatusEvent::occurredAt)
                .max(Comparator.naturalOrder())
                .orElse(null));
    StatusEvent lastFinish =
        timeline.stream().filter(StatusEvent::terminal).reduce((a, b) -> b).orElse(null);
    String expectedError =
        lastFinish == null || lastFinish.kind() == StatusEvent.Kind.COMPLETED
            ? null
            : lastFinish.errorCode() + ": " + lastFinish.errorMessage();
    assertThat(row.get("last_sync_error")).isEqualTo(expectedError);
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}
