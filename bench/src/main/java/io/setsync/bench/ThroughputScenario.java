package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * N new artists with cascade through the real path (HTTP → outbox → Kafka → workers → PostgreSQL →
 * outcomes → projector), timed from the first POST to the last job's finish.
 */
final class ThroughputScenario {

  record Result(
      int artists,
      double seconds,
      Map<JobBoard.Entity, Long> jobs,
      long totalJobs,
      double jobsPerSecond,
      Map<JobBoard.Entity, Double> jobsPerSecondByEntity,
      long failedJobs,
      Map<String, Double> cpuSeconds,
      UpstreamCalls upstreamCalls) {}

  private final Submitter submitter;
  private final JobBoard board;
  private final CpuSampler cpu;
  private final Simulator simulator;

  ThroughputScenario(Submitter submitter, JobBoard board, CpuSampler cpu, Simulator simulator) {
    this.submitter = submitter;
    this.board = board;
    this.cpu = cpu;
    this.simulator = simulator;
  }

  Result run(List<CatalogArtist> artists, Duration timeout) throws InterruptedException {
    UpstreamCalls callsBefore = UpstreamCalls.of(simulator.stats());
    Map<String, Double> cpuBefore = cpu.cpuSeconds();
    Instant start = Instant.now();

    submitter.submitAll(artists, false);
    Completion.Finished finished = new Completion(board).await(start, artists.size(), timeout);

    Instant end = board.lastFinishedAt(start);
    Map<String, Double> cpuUsed = CpuSampler.between(cpuBefore, cpu.cpuSeconds());
    UpstreamCalls calls = UpstreamCalls.of(simulator.stats()).minus(callsBefore);
    double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
    long total = finished.counts().terminalTotal();
    Map<JobBoard.Entity, Double> perEntity = new EnumMap<>(JobBoard.Entity.class);
    finished.counts().terminal().forEach((entity, count) -> perEntity.put(entity, count / seconds));
    return new Result(
        artists.size(),
        seconds,
        finished.counts().terminal(),
        total,
        total / seconds,
        perEntity,
        finished.counts().failed(),
        cpuUsed,
        calls);
  }
}
