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
        .contains("1,500.0", "workers paused", "whole stack running", "4.0×")
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

  private static BenchReport sampleReport() {
    BenchReport report =
        new BenchReport(
            Map.of(
                "date", "2026-11-25T20:00:00Z", "cores", 2, "serviceJvmFlags", List.of("-Xmx1g")),
            "--runs 1");
    report.throughput().add(run(1500));
    Distribution millis = Distribution.of(List.of(1.0, 2.0, 30.0));
    report.setPostLatencyWorkersPaused(
        new LatencyScenario.PostLatency(500, 10, 3, 0, millis, Map.of("sync-api", 0.006)));
    // An earlier report's POST step, written before CPU was measured per request.
    report.setPostLatency(new LatencyScenario.PostLatency(500, 10, 3, 1, millis, null));
    report.setCompletionLatency(new LatencyScenario.CompletionLatency(3, millis));
    report.setBaseline(new SequentialBaseline.Result(20, 4, 1500, 375));
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
