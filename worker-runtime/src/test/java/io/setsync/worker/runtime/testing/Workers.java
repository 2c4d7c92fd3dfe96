package io.setsync.worker.runtime.testing;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Worker applications started in this JVM on the shared broker, one test database, the schema
 * registry and a simulator. Every property a worker reads is set here: both workers' {@code
 * application.yaml} are on the test classpath, and only one of them is read.
 */
public final class Workers implements AutoCloseable {

  private final PostgresDatabase db;
  private final String simulatorUrl;
  private final List<ConfigurableApplicationContext> running = new ArrayList<>();

  public Workers(PostgresDatabase db, String simulatorUrl) {
    this.db = db;
    this.simulatorUrl = simulatorUrl;
  }

  /** Starts one instance; instances of one name share a consumer group. */
  public ConfigurableApplicationContext start(Class<?> application, String name) {
    return start(application, name, Map.of());
  }

  /** Starts one instance with more properties, which win over the ones set here. */
  public ConfigurableApplicationContext start(
      Class<?> application, String name, Map<String, String> more) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.main.banner-mode", "off");
    properties.put("spring.jmx.enabled", "false");
    properties.put("spring.application.name", name);
    properties.put("spring.liquibase.enabled", "false");
    properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
    properties.put("spring.datasource.url", db.jdbcUrl());
    properties.put("spring.datasource.username", db.username());
    properties.put("spring.datasource.password", db.password());
    properties.put("setsync.worker.name", name);
    properties.put("setsync.worker.schema-registry-url", TestSchemaRegistry.url());
    // Short retries, so a show waiting for its artist is tried again within seconds.
    properties.put("setsync.worker.retry.attempts", "8");
    properties.put("setsync.worker.retry.initial-backoff", "500ms");
    properties.put("setsync.worker.retry.multiplier", "2.0");
    properties.put("setsync.worker.retry.max-backoff", "5s");
    properties.put("setsync.ticketmaster.api-url", simulatorUrl);
    properties.put("setsync.ticketmaster.rate-limit.requests-per-second", "1000");
    properties.put("setsync.spotify.enabled", "false");
    properties.putAll(more);
    // As arguments: they must win over the application.yaml on the classpath.
    String[] arguments =
        properties.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application).run(arguments);
    running.add(context);
    return context;
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    running.clear();
  }
}
