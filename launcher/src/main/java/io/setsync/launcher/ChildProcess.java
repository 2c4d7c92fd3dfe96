package io.setsync.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM the launcher owns: started with its own log file, stopped with SIGTERM. */
final class ChildProcess {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts {@code java <jvmArgs> <mainArgs>} with the extra environment, logging to a file. */
  static ChildProcess startJava(
      String name,
      List<String> jvmAndMainArgs,
      Map<String, String> environment,
      Path workingDirectory,
      Path logFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmAndMainArgs);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    try {
      return new ChildProcess(name, builder.start(), logFile);
    } catch (IOException e) {
      throw new LaunchException("Could not start " + name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to exit by itself; fails if it does not succeed in time. */
  void awaitSuccess(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop();
        throw new LaunchException(name + " did not finish within " + timeout + "; see " + logFile);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("Interrupted while waiting for " + name, e);
    }
    if (process.exitValue() != 0) {
      throw new LaunchException(
          name + " failed (exit code " + process.exitValue() + "); see " + logFile);
    }
  }

  /** SIGTERM, so the JVM runs its shutdown hooks; SIGKILL only after the grace period. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
