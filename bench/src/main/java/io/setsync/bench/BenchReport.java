package io.setsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Everything one benchmark run measured, printed as a table, JSON and docs/PERFORMANCE.md. */
final class BenchReport {

  static final double TARGET_JOBS_PER_SECOND = 3000;
  static final double TARGET_POST_P99_MS = 25;
  static final double TARGET_QUOTA_SHARE = 0.95;
  static final double TARGET_CALLS_PER_ARTIST = 2.1;
  static final double TARGET_BASELINE_RATIO = 10;

  private final Map<String, Object> machine;
  private final String arguments;
  private final List<ThroughputScenario.Result> throughput = new ArrayList<>();
  private final List<Double> warmUp = new ArrayList<>();
  private ThroughputScenario.Result twoInstances;
  private ThroughputScenario.Result tenfold;
  private LatencyScenario.PostLatency postLatency;
  private LatencyScenario.PostLatency postLatencyWorkersPaused;
  private LatencyScenario.CompletionLatency completionLatency;
  private QuotaScenario.Result quota;
  private final List<SequentialBaseline.Result> baseline = new ArrayList<>();
  private long freshCalls = -1;
  private final Map<String, String> failures = new LinkedHashMap<>();

  private BenchReport before;
  private Path beforeFile;

  BenchReport(Map<String, Object> machine, String arguments) {
    this.machine = machine;
    this.arguments = arguments;
  }

  /** A report that {@link #writeJson} wrote earlier, say from the commit before a change. */
  static BenchReport read(Path file) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode all = json.readTree(file.toFile());
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = json.treeToValue(all.path("machine"), LinkedHashMap.class);
    BenchReport report = new BenchReport(machine, all.path("arguments").asString(""));
    for (JsonNode run : all.path("throughput")) {
      report.throughput.add(json.treeToValue(run, ThroughputScenario.Result.class));
    }
    all.path("warmUpJobsPerSecond").forEach(rate -> report.warmUp.add(rate.asDouble()));
    report.twoInstances = value(json, all, "twoInstances", ThroughputScenario.Result.class);
    report.tenfold = value(json, all, "tenfold", ThroughputScenario.Result.class);
    report.postLatency = value(json, all, "postLatency", LatencyScenario.PostLatency.class);
    report.postLatencyWorkersPaused =
        value(json, all, "postLatencyWorkersPaused", LatencyScenario.PostLatency.class);
    report.completionLatency =
        value(json, all, "completionLatency", LatencyScenario.CompletionLatency.class);
    report.quota = value(json, all, "quota", QuotaScenario.Result.class);
    JsonNode baselineRuns = all.path("baselineRuns");
    if (baselineRuns.isArray()) {
      for (JsonNode run : baselineRuns) {
        report.baseline.add(json.treeToValue(run, SequentialBaseline.Result.class));
      }
    } else {
      // Reports written before several baseline runs were made hold the one run.
      SequentialBaseline.Result one = value(json, all, "baseline", SequentialBaseline.Result.class);
      if (one != null) {
        report.baseline.add(one);
      }
    }
    report.freshCalls = all.path("freshEntityUpstreamCalls").asLong(-1);
    all.path("failedSteps")
        .properties()
        .forEach(e -> report.failures.put(e.getKey(), e.getValue().asString()));
    return report;
  }

  private static <T> T value(JsonMapper json, JsonNode all, String field, Class<T> type) {
    JsonNode node = all.get(field);
    return node == null || node.isNull() ? null : json.treeToValue(node, type);
  }

  /** Prints {@code before} after this report's own table, as the state before a change. */
  void setBefore(BenchReport before, Path file) {
    this.before = before;
    this.beforeFile = file;
  }

  /** The jobs/s of the CPU-bound stack's warm-up runs, in order: how steady the runs started. */
  void setWarmUp(List<Double> jobsPerSecond) {
    warmUp.clear();
    warmUp.addAll(jobsPerSecond);
  }

  List<ThroughputScenario.Result> throughput() {
    return throughput;
  }

  void setTwoInstances(ThroughputScenario.Result result) {
    this.twoInstances = result;
  }

  void setTenfold(ThroughputScenario.Result result) {
    this.tenfold = result;
  }

  void setPostLatency(LatencyScenario.PostLatency result) {
    this.postLatency = result;
  }

  void setPostLatencyWorkersPaused(LatencyScenario.PostLatency result) {
    this.postLatencyWorkersPaused = result;
  }

  void setCompletionLatency(LatencyScenario.CompletionLatency result) {
    this.completionLatency = result;
  }

  void setQuota(QuotaScenario.Result result) {
    this.quota = result;
  }

  void addBaseline(SequentialBaseline.Result result) {
    this.baseline.add(result);
  }

  private Distribution baselineSyncsPerSecond() {
    return Distribution.of(
        baseline.stream().map(SequentialBaseline.Result::entitySyncsPerSecond).toList());
  }

  void failed(String step, String message) {
    failures.put(step, message);
  }

  void setFreshCalls(long calls) {
    this.freshCalls = calls;
  }

  Distribution jobsPerSecond() {
    return Distribution.of(
        throughput.stream().map(ThroughputScenario.Result::jobsPerSecond).toList());
  }

  double callsPerArtist() {
    return throughput.stream()
        .mapToDouble(r -> (double) r.upstreamCalls().total() / r.artists())
        .sorted()
        .skip(throughput.size() / 2)
        .findFirst()
        .orElse(Double.NaN);
  }

  double baselineRatio() {
    return baseline.isEmpty() ? Double.NaN : jobsPerSecond().p50() / baselineSyncsPerSecond().p50();
  }

  String table() {
    List<String[]> rows = new ArrayList<>();
    Distribution jobs = jobsPerSecond();
    rows.add(
        row(
            "entity jobs/s (" + medianOf(jobs) + ")",
            num(jobs.p50()),
            "≥ " + num(TARGET_JOBS_PER_SECOND)));
    if (!throughput.isEmpty()) {
      ThroughputScenario.Result median = medianRun();
      median
          .jobsPerSecondByEntity()
          .forEach((entity, rate) -> rows.add(row("  " + entity + " jobs/s", num(rate), "")));
      rows.add(
          row(
              "  jobs per run / failed",
              median.totalJobs() + " / " + median.failedJobs(),
              "0 failed"));
      rows.add(row("  seconds until every job terminal", num(median.seconds()), ""));
      rows.add(row("  CPU seconds by component", cpu(median.cpuSeconds()), ""));
    }
    if (!warmUp.isEmpty()) {
      rows.add(
          row(
              "  warm-up runs before them, not counted (jobs/s)",
              String.join(", ", warmUp.stream().map(BenchReport::num).toList()),
              ""));
    }
    rows.add(
        row(
            "upstream calls per artist sync",
            num(callsPerArtist()),
            "≤ " + TARGET_CALLS_PER_ARTIST));
    rows.add(row("upstream calls for fresh entities", String.valueOf(freshCalls), "0"));
    if (postLatencyWorkersPaused != null) {
      rows.add(postLatencyRow(postLatencyWorkersPaused, "workers paused"));
      rows.add(postCpuRow(postLatencyWorkersPaused));
    }
    if (postLatency != null) {
      rows.add(postLatencyRow(postLatency, "whole stack running"));
      rows.add(postCpuRow(postLatency));
    }
    if (completionLatency != null) {
      rows.add(
          row(
              "request → completed p50 / p99 ms (single artist, idle)",
              num(completionLatency.millis().p50()) + " / " + num(completionLatency.millis().p99()),
              ""));
    }
    if (quota != null) {
      rows.add(
          row(
              "Ticketmaster quota used (" + num(quota.ticketmasterQuotaPerSecond()) + " req/s)",
              pct(quota.ticketmasterShare()),
              "≥ " + pct(TARGET_QUOTA_SHARE)));
      rows.add(
          row("429s received at the real quotas", String.valueOf(quota.tooManyRequests()), "0"));
    }
    if (!baseline.isEmpty()) {
      Distribution syncs = baselineSyncsPerSecond();
      rows.add(
          row(
              "sequential baseline entity syncs/s (50 ms upstream, " + medianOf(syncs) + ")",
              num(syncs.p50()),
              ""));
      rows.add(
          row(
              "Setsync / baseline",
              num(baselineRatio()) + "×",
              "≥ " + num(TARGET_BASELINE_RATIO) + "×"));
    }
    if (twoInstances != null) {
      rows.add(
          row("entity jobs/s, 2 instances of each worker", num(twoInstances.jobsPerSecond()), ""));
    }
    if (tenfold != null) {
      rows.add(
          row(
              "entity jobs/s at 10 × N artists (" + tenfold.artists() + ")",
              num(tenfold.jobsPerSecond()),
              ""));
    }
    failures.forEach((step, message) -> rows.add(row(step + ": FAILED", message, "")));
    StringBuilder out = new StringBuilder("| measure | value | target |\n| --- | --- | --- |\n");
    rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
    return out.toString();
  }

  private static String[] postLatencyRow(LatencyScenario.PostLatency latency, String during) {
    return row(
        "POST /api/v1/syncs p50 / p99 ms at " + latency.ratePerSecond() + " req/s, " + during,
        num(latency.millis().p50())
            + " / "
            + num(latency.millis().p99())
            + " ("
            + latency.refused()
            + " of "
            + latency.requests()
            + " not accepted)",
        "p99 < " + num(TARGET_POST_P99_MS));
  }

  private static String[] postCpuRow(LatencyScenario.PostLatency latency) {
    Map<String, Double> perRequest = latency.cpuMillisPerRequest();
    return row(
        "  CPU ms per request by component",
        perRequest.isEmpty() ? "not measured" : cpu(perRequest, "%.2f"),
        "");
  }

  void writeJson(Path file) throws IOException {
    ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("machine", machine);
    all.put("arguments", arguments);
    all.put("warmUpJobsPerSecond", warmUp);
    all.put("throughput", throughput);
    all.put("twoInstances", twoInstances);
    all.put("tenfold", tenfold);
    all.put("postLatency", postLatency);
    all.put("postLatencyWorkersPaused", postLatencyWorkersPaused);
    all.put("completionLatency", completionLatency);
    all.put("quota", quota);
    all.put("baselineRuns", baseline);
    all.put("freshEntityUpstreamCalls", freshCalls);
    all.put("failedSteps", failures);
    Files.writeString(file, json.writeValueAsString(all));
  }

  void writeMarkdown(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    String text =
        """
        # Performance

        Generated by `./setsync bench %s` on %s. Do not edit by hand: run the command again.

        Machine: %s cores, Java %s. Services: %s. Benchmark JVM: %s.
        PostgreSQL: %s. Kafka: %s.

        %s
        How it is measured: see `bench/README.md`.
        %s"""
            .formatted(
                arguments,
                machine.get("date"),
                machine.get("cores"),
                machine.get("javaVersion"),
                machine.get("serviceJvmFlags"),
                machine.get("benchJvmFlags"),
                machine.get("postgres"),
                machine.get("kafka"),
                table(),
                before == null ? "" : beforeSection());
    Files.writeString(file, text);
  }

  private String beforeSection() {
    return """

        ## Before

        The figures this run is compared with: `./setsync bench %s` on %s, on the code before the \
        change, as kept in `%s` (the JSON that run wrote).

        %s"""
        .formatted(before.arguments, before.machine.get("date"), beforeFile, before.table());
  }

  private ThroughputScenario.Result medianRun() {
    List<ThroughputScenario.Result> sorted = new ArrayList<>(throughput);
    sorted.sort((a, b) -> Double.compare(a.jobsPerSecond(), b.jobsPerSecond()));
    return sorted.get(sorted.size() / 2);
  }

  private static String[] row(String measure, String value, String target) {
    return new String[] {measure, value, target};
  }

  private static String num(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.1f", value);
  }

  /** How a median of several runs is labelled: "median of 3, spread 12 %". */
  private static String medianOf(Distribution runs) {
    return "median of " + runs.count() + ", spread " + pct(runs.relativeSpread());
  }

  private static String pct(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", value * 100);
  }

  private static String cpu(Map<String, Double> seconds) {
    return cpu(seconds, "%.1f");
  }

  private static String cpu(Map<String, Double> seconds, String format) {
    StringBuilder out = new StringBuilder();
    seconds.forEach(
        (name, value) ->
            out.append(out.isEmpty() ? "" : ", ")
                .append(name)
                .append(' ')
                .append(String.format(Locale.ROOT, format, value)));
    return out.toString();
  }
}
