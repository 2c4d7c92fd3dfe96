package io.setsync.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A service of the local stack running as its own JVM from its module's executable jar. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ServiceSpec spec;
  private final ChildProcess process;

  private ServiceProcess(ServiceSpec spec, ChildProcess process) {
    this.spec = spec;
    this.process = process;
  }

  static ServiceProcess start(ServiceSpec spec, LocalSettings settings, List<String> jvmOptions) {
    Path jar = executableJar(settings.repository(), spec.module());
    List<String> command = new ArrayList<>(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    Path log = settings.dataHome().resolve("logs").resolve(spec.name() + ".log");
    return new ServiceProcess(
        spec, ChildProcess.startJava(spec.name(), command, spec.env(), settings.repository(), log));
  }

  /** Runs a module's executable jar to completion, for one-shot jobs such as the migration. */
  static void startOnce(
      String name,
      String module,
      LocalSettings settings,
      List<String> jvmOptions,
      java.util.Map<String, String> env) {
    List<String> command = new ArrayList<>(jvmOptions);
    command.add("-jar");
    command.add(executableJar(settings.repository(), module).toString());
    Path log = settings.dataHome().resolve("logs").resolve(name + ".log");
    ChildProcess.startJava(name, command, env, settings.repository(), log)
        .awaitSuccess(Duration.ofMinutes(2));
  }

  static Path executableJar(Path repository, String module) {
    Path target = repository.resolve(module).resolve("target");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new LaunchException(
        "No executable jar for " + module + " under " + target + ": run ./setsync up to build it.");
  }

  ServiceSpec spec() {
    return spec;
  }

  long pid() {
    return process.pid();
  }

  /** Polls the readiness endpoint until it answers 200, failing fast if the process exits. */
  void awaitReady(Duration timeout) {
    URI uri = URI.create("http://localhost:" + spec.port() + spec.readyPath());
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new LaunchException(
            spec.name() + " exited during start-up; see " + process.logFile());
      }
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LaunchException("Interrupted while waiting for " + spec.name(), e);
      }
      pause();
    }
    throw new LaunchException(
        spec.name() + " was not ready within " + timeout + "; see " + process.logFile());
  }

  // A readiness poll interval, in the launcher's own main thread, not in a test.
  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.stop();
  }
}
