package io.setsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTests {

  @TempDir Path directory;

  @Test
  void aReportReadBackFromItsJsonPrintsTheSameTable() throws Exception {
    BenchReport report = sampleReport();
    Path json = directory.resolve("before.json");
    report.writeJson(json);

    BenchReport read = BenchReport.read(json);

    assertThat(read.table()).isEqualTo(report.table());
    assertThat(read.table())
        .contains(
            "1,500.0", "workers paused", "whole stack running", "4.0×", "median of 3, spread 53 %")
        .contains("warm-up runs before them, not counted (jobs/s) | 700.0, 1,400.0, 1,480.0")
        .contains("sync-api 2.00", "not measured");
  }

  @Test
  void theMarkdownShowsTheEarlierRunAsBefore() throws Exception {
    BenchReport before = sampleReport();
    Path json = directory.resolve("before.json");
    before.writeJson(json);
    BenchReport after = new BenchReport(Map.of("date", "2026-11-25T23:00:00Z"), "--runs 3");
    after.throughput().add(run(3000));
    after.setBefore(BenchReport.read(json), json);

    Path markdown = directory.resolve("PERFORMANCE.md");
    after.writeMarkdown(markdown);

    String text = Files.readString(markdown);
    assertThat(text).contains("## Before", "--runs 1", "2026-11-25T20:00:00Z", json.toString());
    assertThat(text.indexOf("3,000.0")).isLessThan(text.indexOf("## Before"));
    assertThat(text.indexOf("1,500.0")).isGreaterThan(text.indexOf("## Before"));
  }

  @Test
  void readsTheOneBaselineRunOfAnOlderReport() throws Exception {
    Path json = directory.resolve("older.json");
    Files.writeString(
        json,
        """
        {"machine": {"date": "2026-11-25T20:00:00Z"}, "arguments": "",
         "throughput": [], "failedSteps": {},
         "baseline": {"artists": 20, "seconds": 4.0, "entitySyncs": 900, "entitySyncsPerSecond": 225.0}}
        """);

    assertThat(BenchReport.read(json).table())
        .contains(
            "sequential baseline entity syncs/s (50 ms upstream, median of 1, spread 0 %) | 225.0");
  }

  private static BenchReport sampleReport() {
    BenchReport report =
        new BenchReport(
            Map.of(
                "date", "2026-11-25T20:00:00Z", "cores", 2, "serviceJvmFlags", List.of("-Xmx1g")),
            "--runs 1");
    report.throughput().add(run(1500));
    report.setWarmUp(List.of(700.0, 1400.0, 1480.0));
    Distribution millis = Distribution.of(List.of(1.0, 2.0, 30.0));
    report.setPostLatencyWorkersPaused(
        new LatencyScenario.PostLatency(500, 10, 3, 0, millis, Map.of("sync-api", 0.006)));
    // An earlier report's POST step, written before CPU was measured per request.
    report.setPostLatency(new LatencyScenario.PostLatency(500, 10, 3, 1, millis, null));
    report.setCompletionLatency(new LatencyScenario.CompletionLatency(3, millis));
    report.addBaseline(new SequentialBaseline.Result(20, 4, 1500, 375));
    report.addBaseline(new SequentialBaseline.Result(20, 5, 1500, 300));
    report.addBaseline(new SequentialBaseline.Result(20, 3, 1500, 500));
    report.setQuota(new QuotaScenario.Result(5, 4.9, 0.98, 10, 9.5, 0, 60));
    report.setFreshCalls(0);
    report.failed("scaling", "it broke");
    return report;
  }

  private static ThroughputScenario.Result run(double jobsPerSecond) {
    return new ThroughputScenario.Result(
        100,
        10,
        new EnumMap<>(Map.of(JobBoard.Entity.artist, 100L, JobBoard.Entity.show, 2900L)),
        3000,
        jobsPerSecond,
        new EnumMap<>(Map.of(JobBoard.Entity.artist, 10.0, JobBoard.Entity.show, 290.0)),
        0,
        Map.of("postgres", 5.0),
        new UpstreamCalls(Map.of("ticketmaster events", 100L), 110, 100, 0));
  }
}
