package io.setsync.bench;

import io.setsync.launcher.DevToken;
import io.setsync.launcher.LocalSettings;
import io.setsync.launcher.LocalStack;
import io.setsync.simulator.CatalogArtist;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./setsync bench}: runs the whole local stack (durable PostgreSQL) and measures throughput,
 * quota use, latency, upstream efficiency, scaling and the sequential baseline; prints a table,
 * writes JSON and regenerates {@code docs/PERFORMANCE.md}.
 */
public final class Benchmark {

  /**
   * The POST load right before each measurement (see {@code warmUpPosts}); with the 10 s measured
   * the workers stay paused 30 s, well within their consumers' 45 s session timeout.
   */
  static final Duration POST_REWARM = Duration.ofSeconds(20);

  /** Warm-up runs end once one is within this share of the one before it (see warmUp). */
  static final double STEADY = 0.10;

  static final int MAX_WARM_UP_RUNS = 8;

  /**
   * Service settings for the CPU-bound runs: the clients' own rate limiters lifted, so that the
   * machine, not a quota, is the bound. The quota run keeps the real-quota defaults.
   */
  static final Map<String, String> CPU_BOUND_ENVIRONMENT =
      Map.of(
          "SETSYNC_TICKETMASTER_RATE_LIMIT_PER_SECOND", "100000",
          "SETSYNC_SPOTIFY_RATE_LIMIT_PER_SECOND", "100000",
          // The benchmark is one client (one token subject) sending thousands of requests.
          "SETSYNC_RATE_LIMIT_PER_SECOND", "100000",
          "SETSYNC_RATE_LIMIT_BURST", "100000");

  /** The quota run keeps the clients' real-quota limiters; only the API's client limit goes. */
  static final Map<String, String> QUOTA_BOUND_ENVIRONMENT =
      Map.of("SETSYNC_RATE_LIMIT_PER_SECOND", "100000", "SETSYNC_RATE_LIMIT_BURST", "100000");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path repository = Path.of(System.getProperty("setsync.home", ".")).toAbsolutePath();
    BenchReport report = new BenchReport(machine(), String.join(" ", args));
    if (options.before() != null) {
      report.setBefore(BenchReport.read(options.before()), options.before());
    }
    ArtistIds ids = new ArtistIds(System.currentTimeMillis());

    attempt(
        report,
        "CPU-bound stack",
        options.includesAny("throughput", "fresh", "completion", "post", "baseline")
            || options.tenfold(),
        () -> {
          try (LocalStack stack = start(repository, "cpu", CPU_BOUND_ENVIRONMENT, 1)) {
            Session session = new Session(stack);
            report.setWarmUp(session.warmUp(ids, options.artists(), options.warmUp()));
            for (int run = 1; options.includes("throughput") && run <= options.runs(); run++) {
              ThroughputScenario.Result result =
                  session.throughput().run(ids.next(options.artists()), Duration.ofMinutes(15));
              System.out.printf("throughput run %d: %s%n", run, result);
              report.throughput().add(result);
            }
            attempt(
                report,
                "fresh entities",
                options.includes("fresh"),
                () -> report.setFreshCalls(session.freshEntityCalls(ids.previous(100))));
            attempt(
                report,
                "request-to-completed latency",
                options.includes("completion"),
                () ->
                    report.setCompletionLatency(
                        session
                            .latency()
                            .completionLatency(
                                ids.next(options.completionSamples()), Duration.ofMinutes(2))));
            int postRequests = (int) (options.postRate() * options.postDuration().toSeconds());
            attempt(
                report,
                "POST latency, workers paused",
                options.includes("post"),
                () -> {
                  session.warmUpPosts(ids, options.postRate(), options.postWarmUp());
                  session.idle(Duration.ofMinutes(10));
                  try (WorkerPause paused = WorkerPause.of(stack.processIds())) {
                    session.warmUpPosts(ids, options.postRate(), POST_REWARM);
                    report.setPostLatencyWorkersPaused(
                        session.latency().postLatency(ids.next(postRequests), options.postRate()));
                  }
                  session.idle(Duration.ofMinutes(10));
                });
            attempt(
                report,
                "POST latency",
                options.includes("post"),
                () -> {
                  session.warmUpPosts(ids, options.postRate(), POST_REWARM);
                  report.setPostLatency(
                      session.latency().postLatency(ids.next(postRequests), options.postRate()));
                  session.idle(Duration.ofMinutes(10));
                });
            attempt(
                report,
                "sequential baseline",
                options.includes("baseline"),
                () -> {
                  session.simulator().reset();
                  session.simulator().faults("spotify", 50, 0);
                  session.simulator().faults("ticketmaster", 50, 0);
                  try (SequentialBaseline baseline =
                      new SequentialBaseline(
                          stack.settings().simulatorUrl(), stack.settings().jdbcUrl())) {
                    for (int run = 1; run <= options.runs(); run++) {
                      report.addBaseline(baseline.run(ids.next(options.baselineArtists())));
                    }
                  }
                  session.simulator().reset();
                });
            if (options.tenfold()) {
              attempt(
                  report,
                  "10 x N artists",
                  () ->
                      report.setTenfold(
                          session
                              .throughput()
                              .run(ids.next(options.artists() * 10), Duration.ofMinutes(60))));
            }
          }
        });

    if (options.scaling() && options.includes("scaling")) {
      attempt(
          report,
          "two instances of each worker",
          () -> {
            try (LocalStack stack = start(repository, "scaling", CPU_BOUND_ENVIRONMENT, 2)) {
              Session session = new Session(stack);
              session.warmUp(ids, options.artists(), options.warmUp());
              report.setTwoInstances(
                  session.throughput().run(ids.next(options.artists()), Duration.ofMinutes(15)));
            }
          });
    }

    attempt(
        report,
        "quota-bound",
        options.includes("quota"),
        () -> {
          try (LocalStack stack = start(repository, "quota", QUOTA_BOUND_ENVIRONMENT, 1)) {
            Session session = new Session(stack);
            report.setQuota(
                new QuotaScenario(session.submitter(), session.simulator())
                    .run(
                        ids.next(options.quotaArtists()),
                        5.0,
                        options.spotifyRatePerSecond(),
                        Duration.ofSeconds(15),
                        options.quotaWindow()));
          }
        });

    Files.createDirectories(options.output());
    Path json = options.output().resolve("bench-" + Instant.now().toEpochMilli() + ".json");
    report.writeJson(json);
    System.out.println(report.table());
    System.out.println("JSON: " + json);
    if (options.only().isEmpty()) {
      Path markdown = repository.resolve("docs").resolve("PERFORMANCE.md");
      report.writeMarkdown(markdown);
      System.out.println("Report: " + markdown);
    }
  }

  /** One step of the benchmark; a failing step is reported as such and the others still run. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private static void attempt(BenchReport report, String name, boolean included, Step step) {
    if (included) {
      attempt(report, name, step);
    }
  }

  private static void attempt(BenchReport report, String name, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      System.err.printf("%s failed: %s%n", name, e);
      report.failed(name, String.valueOf(e.getMessage()));
    }
  }

  private static LocalStack start(
      Path repository, String name, Map<String, String> overrides, int workerInstances)
      throws IOException {
    Path dataHome = repository.resolve(".local").resolve("bench-" + name);
    deleteRecursively(dataHome);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(overrides);
    System.out.printf(
        "%nStarting the %s stack (%d instance(s) of each worker)…%n", name, workerInstances);
    return LocalStack.start(
        LocalSettings.from(env, repository, dataHome).withWorkerInstances(workerInstances));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static Map<String, Object> machine() {
    Map<String, Object> machine = new HashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("javaVersion", System.getProperty("java.version"));
    machine.put("benchJvmFlags", ManagementFactory.getRuntimeMXBean().getInputArguments());
    machine.put("serviceJvmFlags", LocalStack.SERVICE_JVM_OPTIONS);
    machine.put("kafkaJvmFlags", LocalStack.KAFKA_JVM_OPTIONS);
    machine.put(
        "postgres",
        "embedded 17, fsync=on, synchronous_commit=on, full_page_writes=on, max_wal_size=4GB,"
            + " shared_buffers=256MB");
    machine.put("kafka", "kafka_2.13 KRaft, one node, child JVM");
    machine.put("date", Instant.now().toString());
    return machine;
  }

  /** One running stack and the clients the scenarios use against it. */
  private static final class Session {
    private final SyncApi api;
    private final PostLoad postLoad;
    private final Simulator simulator;
    private final JobBoard board;
    private final Submitter submitter;
    private final CpuSampler cpu;

    Session(LocalStack stack) {
      LocalSettings settings = stack.settings();
      String token = DevToken.issue(settings.jwtSecret(), Duration.ofDays(1));
      this.api = new SyncApi(settings.apiUrl(), token);
      this.postLoad = new PostLoad(settings.apiUrl(), token, 64);
      this.simulator = new Simulator(settings.simulatorUrl());
      this.board = new JobBoard(settings.jdbcUrl());
      this.submitter = new Submitter(api, 64);
      this.cpu = new CpuSampler(stack.processIds());
      simulator.reset();
    }

    Simulator simulator() {
      return simulator;
    }

    Submitter submitter() {
      return submitter;
    }

    ThroughputScenario throughput() {
      return new ThroughputScenario(submitter, board, cpu, simulator);
    }

    LatencyScenario latency() {
      return new LatencyScenario(api, postLoad, cpu);
    }

    /**
     * Runs of the measured size, not counted, until the warm-up time has passed and the services
     * are steady: the last run within {@link #STEADY} of the one before it, or {@link
     * #MAX_WARM_UP_RUNS} runs. The JIT needs ~30 s here to compile the hot paths, but with 7 JVMs
     * and PostgreSQL on 2 busy cores its compiler threads get little of them: a fixed 60 s left the
     * first measured run at two thirds of the later ones, the services spending half as much CPU
     * again (runs of 1,000: 1,093, 1,549, 1,813 jobs/s after one run of warm-up). Returns the
     * jobs/s of each warm-up run, for the report.
     */
    List<Double> warmUp(ArtistIds ids, int artistsPerRun, Duration minimum)
        throws InterruptedException {
      Instant end = Instant.now().plus(minimum);
      List<Double> rates = new ArrayList<>();
      while (true) {
        double rate =
            throughput().run(ids.next(artistsPerRun), Duration.ofMinutes(15)).jobsPerSecond();
        System.out.printf("warm-up run %d: %.0f jobs/s%n", rates.size() + 1, rate);
        rates.add(rate);
        if (Instant.now().isAfter(end) && (isSteady(rates) || rates.size() >= MAX_WARM_UP_RUNS)) {
          return rates;
        }
      }
    }

    private static boolean isSteady(List<Double> rates) {
      if (rates.size() < 2) {
        return false;
      }
      double last = rates.get(rates.size() - 1);
      double before = rates.get(rates.size() - 2);
      return Math.abs(last - before) <= STEADY * before;
    }

    /**
     * The request path at the measured rate, unreported: the JIT compiles it meanwhile (the
     * throughput warm-up sends requests in bursts, which leaves this path's hot code to be compiled
     * during the measurement). Run once for {@code --post-warm-up-seconds}, then again for {@link
     * #POST_REWARM} right before each measurement: after the idle gap between steps the compiler
     * had dropped the methods still queued (stale) and compiled them while measured (profiled:
     * sync-api's C2 thread used 2.4 of its 9 CPU seconds in the measured 10 s).
     */
    void warmUpPosts(ArtistIds ids, int ratePerSecond, Duration duration)
        throws InterruptedException {
      // The load alone: its latency and the components' CPU are not reported.
      postLoad.run(ids.next((int) (ratePerSecond * duration.toSeconds())), ratePerSecond);
    }

    /** Upstream calls made for artists synced moments ago, asked again without forceRefresh. */
    long freshEntityCalls(List<CatalogArtist> recent) throws InterruptedException {
      List<CatalogArtist> synced = new ArrayList<>(recent);
      UpstreamCalls before = UpstreamCalls.of(simulator.stats());
      Instant start = Instant.now();
      submitter.submitAll(synced, false);
      new Completion(board).await(start, synced.size(), Duration.ofMinutes(2));
      return UpstreamCalls.of(simulator.stats()).minus(before).total();
    }

    void idle(Duration timeout) {
      new Completion(board).await(Instant.EPOCH, 0, timeout);
    }
  }
}
