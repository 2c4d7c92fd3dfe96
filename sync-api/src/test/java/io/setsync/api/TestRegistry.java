package io.setsync.api;

import io.setsync.registry.SchemaRegistryApplication;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The schema-registry module's application, started once per test JVM on a random port and the
 * shared migrated database, for the Avro serde of sync-api and of the tests.
 */
public final class TestRegistry {

  private TestRegistry() {}

  public static String url() {
    return Holder.URL;
  }

  private static final class Holder {
    static final String URL = start();

    private static String start() {
      PostgresDatabase db = TestInfrastructure.postgres();
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(SchemaRegistryApplication.class)
              .properties(
                  Map.of(
                      // Not sync-api's application.yaml, which is first on this classpath.
                      "spring.config.name",
                      "schema-registry-under-test",
                      "server.port",
                      "0",
                      "spring.datasource.url",
                      db.jdbcUrl(),
                      "spring.datasource.username",
                      db.username(),
                      "spring.datasource.password",
                      db.password(),
                      "spring.liquibase.enabled",
                      "false",
                      "spring.main.banner-mode",
                      "off",
                      "spring.autoconfigure.exclude",
                      String.join(
                          ",",
                          "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                          "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                          "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                          "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                          "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                          "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")))
              .run();
      Runtime.getRuntime().addShutdownHook(new Thread(context::close, "stop-schema-registry"));
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      return "http://localhost:" + port;
    }
  }
}
