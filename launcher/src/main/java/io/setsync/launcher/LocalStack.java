package io.setsync.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local system, started in dependency order (PostgreSQL, Kafka, migration, registry,
 * simulator, services) and stopped in reverse: services first, then Kafka, then PostgreSQL.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
  private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(3);

  /**
   * Each service's JVM: a fixed heap, a quarter of it young. With a 64 MiB initial heap the serial
   * collector kept sync-api's heap near 112 MiB and its young generation near 37 MiB: at 500
   * requests/s requests' garbage was promoted and a 115 ms full collection ran every 2.6 s (every
   * request in flight waited for it). A young generation that outlives a request's objects lets
   * them die there: now a ~10 ms young collection every ~0.4 s.
   */
  public static final List<String> SERVICE_JVM_OPTIONS =
      List.of(
          "-Xms512m",
          "-Xmx512m",
          "-Xmn128m",
          "-XX:MetaspaceSize=128m",
          "-XX:+UseSerialGC",
          "-XX:+ExitOnOutOfMemoryError");

  /** Kafka's JVM (and its storage tool's): the same, larger; the broker keeps ~200 MiB live. */
  public static final List<String> KAFKA_JVM_OPTIONS =
      List.of("-Xms1g", "-Xmx1g", "-Xmn512m", "-XX:MetaspaceSize=128m", "-XX:+UseSerialGC");

  private final LocalSettings settings;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Map<String, Long> processIds = new java.util.LinkedHashMap<>();
  private boolean closed;

  private LocalStack(LocalSettings settings) {
    this.settings = settings;
  }

  /** Starts everything; on failure, stops what had started and rethrows. */
  public static LocalStack start(LocalSettings settings) {
    LocalStack stack = create(settings);
    stack.startAll();
    return stack;
  }

  /**
   * A stack not started yet, so a caller can arrange for {@link #close} (say, in a shutdown hook)
   * before {@link #startAll}: a Ctrl-C during start-up then stops what had started.
   */
  public static LocalStack create(LocalSettings settings) {
    return new LocalStack(settings);
  }

  /** Starts everything in order; on failure, stops what had started and rethrows. */
  public void startAll() {
    try {
      startInOrder();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public LocalSettings settings() {
    return settings;
  }

  /** The process id of each component: PostgreSQL, Kafka and every service. */
  public Map<String, Long> processIds() {
    return Map.copyOf(processIds);
  }

  private void startInOrder() {
    checkPorts();
    createDirectories();
    JavaLauncher kafkaJvm = JavaLauncher.ofCurrentJvm(settings.repository(), KAFKA_JVM_OPTIONS);

    log.info("Starting PostgreSQL on port {}", settings.postgresPort());
    LocalPostgres postgres =
        own(LocalPostgres.start(settings.dataHome().resolve("postgres"), settings.postgresPort()));
    processIds.put("postgres", postgres.pid());

    log.info("Starting Kafka (KRaft) on port {}", settings.kafkaPort());
    LocalKafka kafka = own(LocalKafka.start(settings, kafkaJvm));
    processIds.put("kafka", kafka.pid());

    log.info("Applying the database changelog");
    ServiceProcess.startOnce(
        "migration", "database", settings, SERVICE_JVM_OPTIONS, commonEnvironment());

    LocalServices services = new LocalServices(settings, commonEnvironment());
    for (List<ServiceSpec> wave : services.startOrder()) {
      List<ServiceProcess> started =
          wave.stream()
              .map(
                  spec -> {
                    log.info("Starting {} on port {}", spec.name(), spec.port());
                    ServiceProcess process =
                        own(ServiceProcess.start(spec, settings, SERVICE_JVM_OPTIONS));
                    processIds.put(spec.name(), process.pid());
                    return process;
                  })
              .toList();
      started.forEach(process -> process.awaitReady(SERVICE_READY_TIMEOUT));
    }
  }

  /**
   * What every child gets on top of the launcher's own environment: the settings' environment (so a
   * caller such as the benchmark can set service properties) and the local addresses.
   */
  private Map<String, String> commonEnvironment() {
    Map<String, String> env = new HashMap<>(settings.environment());
    env.put("SETSYNC_MODE", "local");
    env.put("SPRING_PROFILES_ACTIVE", "local");
    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
    env.put("SPRING_DATASOURCE_URL", settings.jdbcUrl());
    env.put("SPRING_DATASOURCE_USERNAME", "setsync");
    env.put("SPRING_DATASOURCE_PASSWORD", "setsync");
    env.put("SETSYNC_SCHEMA_REGISTRY_URL", settings.schemaRegistryUrl());
    env.put("SETSYNC_JWT_SECRET", settings.jwtSecret());
    return env;
  }

  private void checkPorts() {
    PortGuard.requireFree(settings.apiPort(), "sync-api", "SETSYNC_API_PORT");
    PortGuard.requireFree(settings.kafkaPort(), "Kafka", "SETSYNC_KAFKA_PORT");
    PortGuard.requireFree(
        settings.kafkaControllerPort(), "Kafka controller", "SETSYNC_KAFKA_CONTROLLER_PORT");
    PortGuard.requireFree(settings.postgresPort(), "PostgreSQL", "SETSYNC_DB_PORT");
    PortGuard.requireFree(
        settings.schemaRegistryPort(), "schema registry", "SETSYNC_SCHEMA_REGISTRY_PORT");
    if (!settings.usesRealUpstreams()) {
      PortGuard.requireFree(
          settings.simulatorPort(), "upstream simulator", "SETSYNC_SIMULATOR_PORT");
    }
    for (ServiceSpec worker : new LocalServices(settings, Map.of()).workers()) {
      PortGuard.requireFree(worker.port(), worker.name(), "SETSYNC_WORKER_PORT_BASE");
    }
  }

  private void createDirectories() {
    try {
      Files.createDirectories(settings.dataHome().resolve("logs"));
      Files.createDirectories(settings.dataHome().resolve("postgres"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records a started component, or stops it at once if the stack was closed meanwhile. */
  private synchronized <T extends AutoCloseable> T own(T component) {
    if (closed) {
      try {
        component.close();
      } catch (Exception e) {
        log.warn("Could not stop {} cleanly", component, e);
      }
      throw new LaunchException("Stopped during start-up");
    }
    running.push(component);
    return component;
  }

  @Override
  public synchronized void close() {
    closed = true;
    while (!running.isEmpty()) {
      AutoCloseable component = running.pop();
      try {
        component.close();
      } catch (Exception e) {
        log.warn("Could not stop {} cleanly", component, e);
      }
    }
  }
}
