package io.setsync.api;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * sync-api on a random port, on the shared Kafka broker, a schema registry and a fresh database of
 * its own. Each test class registers its properties through {@link #register}; its context is
 * closed after the class, so that no projector of another class keeps consuming.
 */
@SpringBootTest(
    classes = SyncApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class SyncApiIntegrationTest {

  @LocalServerPort protected int port;

  @Autowired protected DataSource dataSource;

  protected ApiClient api() {
    return new ApiClient(port);
  }

  protected JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  /** How many artist rows hold this Spotify id. */
  protected long artistsWithSpotifyId(String spotifyId) {
    return jdbc()
        .sql("SELECT count(*) FROM artists WHERE spotify_id = ?")
        .param(spotifyId)
        .query(Long.class)
        .single();
  }

  /** Points the context at the shared broker, the test registry and the database. */
  protected static void register(DynamicPropertyRegistry registry, PostgresDatabase db) {
    TestKafka.createTopics();
    TestInfrastructure.registerProperties(registry, db);
    registry.add("setsync.kafka.schema-registry-url", TestRegistry::url);
    String group = "sync-api-test-" + UUID.randomUUID();
    registry.add("spring.kafka.consumer.group-id", () -> group);
    registry.add("setsync.security.jwt.secret", () -> TestTokens.SECRET);
  }
}
