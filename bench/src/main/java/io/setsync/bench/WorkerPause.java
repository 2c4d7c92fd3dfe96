package io.setsync.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stops the worker processes (SIGSTOP) until closed (SIGCONT), so that a measurement of sync-api
 * alone does not share the two cores with the workers consuming what it accepts. On a deployment
 * the workers run elsewhere; Kafka holds their backlog meanwhile and they catch up on resume. The
 * pause must stay well under the consumers' session timeout (45 s) to avoid a rebalance.
 *
 * <p>Our own code because the JDK's ProcessHandle can end a process but not suspend it.
 */
final class WorkerPause implements AutoCloseable {

  static final List<String> WORKERS =
      List.of("artist-sync-worker", "show-sync-worker", "venue-linker");

  private final List<Long> pids;

  private WorkerPause(List<Long> pids) {
    this.pids = pids;
  }

  /** Pauses every instance of every worker among the stack's processes. */
  static WorkerPause of(Map<String, Long> processIds) throws IOException, InterruptedException {
    List<Long> pids =
        processIds.entrySet().stream()
            .filter(entry -> WORKERS.stream().anyMatch(entry.getKey()::startsWith))
            .map(Map.Entry::getValue)
            .toList();
    if (pids.isEmpty()) {
      throw new IllegalStateException("No worker processes to pause in " + processIds.keySet());
    }
    signal("STOP", pids);
    return new WorkerPause(pids);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    signal("CONT", pids);
  }

  private static void signal(String signal, List<Long> pids)
      throws IOException, InterruptedException {
    for (long pid : pids) {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IOException(
            "kill -"
                + signal
                + " "
                + pid
                + " failed: "
                + new String(kill.getInputStream().readAllBytes()));
      }
    }
  }
}
