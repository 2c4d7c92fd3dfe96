package io.setsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** What {@code ./setsync bench} runs, from its command-line flags. */
record BenchOptions(
    int artists,
    int runs,
    Duration warmUp,
    int postRate,
    Duration postDuration,
    Duration postWarmUp,
    int completionSamples,
    int baselineArtists,
    int quotaArtists,
    Duration quotaWindow,
    double spotifyRatePerSecond,
    boolean scaling,
    boolean tenfold,
    Path output,
    Path before,
    Set<String> only) {

  /** The steps {@code --only} can name. */
  static final Set<String> STEPS =
      Set.of("throughput", "fresh", "completion", "post", "baseline", "scaling", "quota");

  /** Whether this run includes the step; all steps unless {@code --only} named some. */
  boolean includes(String step) {
    return only.isEmpty() || only.contains(step);
  }

  boolean includesAny(String... steps) {
    return Arrays.stream(steps).anyMatch(this::includes);
  }

  static BenchOptions parse(String[] args) {
    int artists = 1000;
    int runs = 3;
    Duration warmUp = Duration.ofSeconds(60);
    boolean scaling = true;
    boolean tenfold = false;
    int postRate = 500;
    Duration postWarmUp = Duration.ofSeconds(30);
    Path output = Path.of("bench-results");
    Path before = null;
    Set<String> only = new TreeSet<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--artists" -> artists = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warm-up-seconds" -> warmUp = Duration.ofSeconds(Long.parseLong(args[++i]));
        case "--post-rate" -> postRate = Integer.parseInt(args[++i]);
        case "--post-warm-up-seconds" -> postWarmUp = Duration.ofSeconds(Long.parseLong(args[++i]));
        case "--no-scaling" -> scaling = false;
        case "--tenfold" -> tenfold = true;
        case "--output" -> output = Path.of(args[++i]);
        case "--before" -> before = Path.of(args[++i]);
        case "--only" -> {
          for (String step : args[++i].split(",")) {
            if (!STEPS.contains(step)) {
              throw new IllegalArgumentException("unknown step " + step + "\n" + USAGE);
            }
            only.add(step);
          }
        }
        case "--quick" -> {
          artists = 200;
          runs = 1;
          warmUp = Duration.ofSeconds(10);
          postWarmUp = Duration.ofSeconds(10);
          scaling = false;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (artists < 1 || runs < 1 || postRate < 1) {
      throw new IllegalArgumentException(
          "--artists, --runs and --post-rate must be positive\n" + USAGE);
    }
    return new BenchOptions(
        artists,
        runs,
        warmUp,
        postRate,
        Duration.ofSeconds(10),
        postWarmUp,
        20,
        20,
        2000,
        Duration.ofSeconds(60),
        10.0,
        scaling,
        tenfold,
        output,
        before,
        Set.copyOf(only));
  }

  static final String USAGE =
      """
      usage: ./setsync bench [--artists N] [--runs R] [--warm-up-seconds S] [--no-scaling]
                             [--tenfold] [--quick] [--output DIR] [--before FILE]
                             [--post-rate R] [--post-warm-up-seconds S]
                             [--only STEP,...]
        --artists N   generated artists per throughput run (default 1000)
        --runs R      throughput runs, reported as median and spread (default 3)
        --warm-up-seconds S
                      runs of N artists, not counted, before the runs (default 60)
        --post-rate R POST requests per second of the latency step (default 500)
        --post-warm-up-seconds S
                      POSTs at that rate, unreported, before it is measured (default 30)
        --tenfold     also run 10 x N artists once (scaling with work)
        --quick       200 artists, 1 run, 10 s warm-up, no scaling: a smoke run
        --before FILE a JSON an earlier run wrote: printed in the report as "Before"
        --only STEPS  only these of throughput,fresh,completion,post,baseline,scaling,quota
                      (for profiling one step: writes the JSON, leaves docs/PERFORMANCE.md)
      """;
}
