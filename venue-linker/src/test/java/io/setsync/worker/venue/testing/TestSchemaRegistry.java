package io.setsync.worker.venue.testing;

import io.setsync.registry.SchemaRegistryApplication;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Setsync schema registry on a random port and the shared PostgreSQL, once per test JVM. */
public final class TestSchemaRegistry {

  private static String url;

  private TestSchemaRegistry() {}

  public static synchronized String url() {
    if (url == null) {
      PostgresDatabase db = TestInfrastructure.postgres();
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(SchemaRegistryApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + db.jdbcUrl(),
                  "--spring.datasource.username=" + db.username(),
                  "--spring.datasource.password=" + db.password(),
                  "--spring.main.banner-mode=off",
                  "--spring.jmx.enabled=false");
      url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
    return url;
  }
}
