package io.setsync.registry;

import static io.setsync.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Ids and versions live in PostgreSQL: a restarted registry answers exactly as before. */
class SchemaRegistryRestartIntegrationTests {

  private final PostgresDatabase database = TestInfrastructure.newDatabase();

  @Test
  void idsAndVersionsSurviveARestart() {
    // given: two schemas registered, then the registry stopped
    int first;
    int second;
    try (ConfigurableApplicationContext registry = start()) {
      RegistryHttp http = http(registry);
      first = id(http.post("/subjects/a/versions", schemaBody(TestSchemas.v1("Thing"))));
      second =
          id(http.post("/subjects/a/versions", schemaBody(TestSchemas.v2WithDefault("Thing"))));
      http.put("/config/a", "{\"compatibility\": \"FULL\"}");
    }

    // when: a new registry process on the same database
    try (ConfigurableApplicationContext registry = start()) {
      RegistryHttp http = http(registry);

      // then: same ids, same versions, same config; new schemas get new ids
      assertThat(http.get("/schemas/ids/" + first).body().get("schema").asString())
          .contains("\"name\":\"Thing\"")
          .doesNotContain("note");
      assertThat(id(http.post("/subjects/a/versions", schemaBody(TestSchemas.v1("Thing")))))
          .isEqualTo(first);
      assertThat(
              id(http.post("/subjects/b/versions", schemaBody(TestSchemas.v2WithDefault("Thing")))))
          .isEqualTo(second);
      assertThat(http.get("/subjects/a/versions").body().toString()).isEqualTo("[1,2]");
      assertThat(http.get("/config/a").body().get("compatibilityLevel").asString())
          .isEqualTo("FULL");
      int third = id(http.post("/subjects/c/versions", schemaBody(TestSchemas.v1("Other"))));
      assertThat(third).isGreaterThan(second);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SchemaRegistryApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password());
  }

  private static RegistryHttp http(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new RegistryHttp(URI.create("http://localhost:" + port));
  }

  private static int id(RegistryHttp.Response response) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
    return response.body().get("id").asInt();
  }
}
