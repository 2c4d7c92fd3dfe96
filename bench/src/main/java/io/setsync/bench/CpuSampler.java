package io.setsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds used by each component's process tree, read from {@code /proc} (Linux), so a run can
 * say how the two cores were split between services, Kafka and PostgreSQL.
 */
final class CpuSampler {

  private static final double CLOCK_TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private final Map<String, Long> processIds;

  CpuSampler(Map<String, Long> processIds) {
    this.processIds = processIds;
  }

  /** CPU seconds (user + system) per component since each process started. */
  Map<String, Double> cpuSeconds() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    processIds.forEach((name, pid) -> seconds.put(name, treeCpuSeconds(pid)));
    return seconds;
  }

  /** The difference between two samples, per component. */
  static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new LinkedHashMap<>();
    after.forEach((name, seconds) -> used.put(name, seconds - before.getOrDefault(name, 0.0)));
    return used;
  }

  private static double treeCpuSeconds(long pid) {
    return ProcessHandle.of(pid)
        .map(
            root ->
                Stream.concat(Stream.of(root), root.descendants())
                    .mapToDouble(handle -> processCpuSeconds(handle.pid()))
                    .sum())
        .orElse(0.0);
  }

  private static double processCpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime, stime, and cutime, cstime: PostgreSQL's backends are reaped by the postmaster, so
      // their CPU shows up in its children's times once they exit.
      long ticks = 0;
      for (int field = 11; field <= 14; field++) {
        ticks += Long.parseLong(fields[field]);
      }
      return ticks / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0.0; // the process ended between listing and reading: it used nothing more
    }
  }
}
