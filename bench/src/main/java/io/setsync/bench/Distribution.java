package io.setsync.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a sample: what the report prints for latencies and repeated runs. */
record Distribution(int count, double min, double p50, double p99, double max) {

  static Distribution of(List<Double> values) {
    if (values.isEmpty()) {
      return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Distribution(
        sorted.length,
        sorted[0],
        percentile(sorted, 50),
        percentile(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /** Nearest-rank percentile. */
  static double percentile(double[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The spread of repeated runs, as (max - min) / median. */
  double relativeSpread() {
    return p50 == 0 ? 0 : (max - min) / p50;
  }
}
