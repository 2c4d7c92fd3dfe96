package io.setsync.worker.artist.sync;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.worker.artist.ArtistSyncWorkerApplication;
import io.setsync.worker.runtime.testing.TestSchemaRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the artist worker in this JVM on the shared broker, a test database, the schema registry
 * and a simulator, with short retries and back-offs. Instances share one consumer group, so a new
 * one takes over what a stopped one left.
 */
final class ArtistWorkers {

  private ArtistWorkers() {}

  static ConfigurableApplicationContext start(
      PostgresDatabase db, String simulatorUrl, Map<String, String> overrides) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.main.banner-mode", "off");
    properties.put("spring.jmx.enabled", "false");
    properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
    properties.put("spring.datasource.url", db.jdbcUrl());
    properties.put("spring.datasource.username", db.username());
    properties.put("spring.datasource.password", db.password());
    properties.put("setsync.worker.schema-registry-url", TestSchemaRegistry.url());
    properties.put("setsync.worker.retry.attempts", "3");
    properties.put("setsync.worker.retry.initial-backoff", "300ms");
    properties.put("setsync.worker.retry.max-backoff", "1s");
    properties.put("setsync.worker.shutdown-timeout", "5s");
    for (String upstream : new String[] {"spotify", "ticketmaster"}) {
      String prefix = "setsync." + upstream + ".";
      properties.put(prefix + "api-url", simulatorUrl);
      properties.put(prefix + "rate-limit.requests-per-second", "1000");
      properties.put(prefix + "retry.max-attempts", "3");
      properties.put(prefix + "retry.initial-backoff", "50ms");
      properties.put(prefix + "retry.max-backoff", "200ms");
      properties.put(prefix + "retry.max-retry-after", "2s");
    }
    properties.put("setsync.spotify.accounts-url", simulatorUrl);
    properties.put("setsync.spotify.removed-endpoint-recheck", "1s");
    properties.putAll(overrides);
    // As arguments: they must win over the worker's application.yml.
    String[] arguments =
        properties.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(ArtistSyncWorkerApplication.class).run(arguments);
  }
}
