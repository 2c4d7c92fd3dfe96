package io.setsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerPauseTests {

  private Process worker;
  private Process other;

  @AfterEach
  void stopProcesses() {
    for (Process process : new Process[] {worker, other}) {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void stopsTheWorkersOnlyUntilClosed() throws Exception {
    worker = new ProcessBuilder("sleep", "60").start();
    other = new ProcessBuilder("sleep", "60").start();
    Map<String, Long> processes =
        Map.of("show-sync-worker-2", worker.pid(), "sync-api", other.pid());

    try (WorkerPause paused = WorkerPause.of(processes)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> state(worker.pid()) == 'T');
      assertThat(state(other.pid())).isNotEqualTo('T');
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> state(worker.pid()) != 'T');
  }

  @Test
  void refusesAStackWithoutWorkers() {
    assertThatThrownBy(() -> WorkerPause.of(Map.of("sync-api", ProcessHandle.current().pid())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No worker processes");
  }

  /** The process state letter from /proc: T when stopped by a signal. */
  private static char state(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2);
  }
}
