package io.setsync.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class ComposeFileTests {

  private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
  private static Map<String, Map<String, Object>> services;
  private static String text;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readComposeFile() throws IOException {
    text = Files.readString(COMPOSE_FILE);
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
      Map<String, Object> compose = new Yaml(options).load(reader);
      services = (Map<String, Map<String, Object>>) compose.get("services");
    }
  }

  @Test
  void runsTheProductionShape() {
    assertThat(services)
        .containsKeys(
            "kafka",
            "kafka-topics",
            "postgres",
            "migration",
            "schema-registry",
            "sync-api",
            "artist-sync-worker",
            "show-sync-worker",
            "venue-linker");
    assertThat(services.get("kafka").get("image")).asString().startsWith("apache/kafka:4.");
    assertThat(services.get("postgres").get("image")).isEqualTo("postgres:17");
  }

  @Test
  void everyLongRunningServiceHasAHealthCheck() {
    for (String name :
        List.of("sync-api", "artist-sync-worker", "show-sync-worker", "venue-linker", "kafka")) {
      assertThat(services.get(name)).as(name).containsKey("healthcheck");
    }
  }

  @Test
  void servicesStartOnlyAfterTheMigrationAndTheTopics() {
    for (String name : List.of("sync-api", "artist-sync-worker", "show-sync-worker")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> dependsOn = (Map<String, Object>) services.get(name).get("depends_on");
      assertThat(dependsOn).as(name).containsKeys("migration", "kafka-topics");
    }
  }

  @Test
  void secretsHaveNoDefaults() {
    for (String secret :
        List.of(
            "POSTGRES_PASSWORD",
            "SPOTIFY_CLIENT_SECRET",
            "TICKETMASTER_API_KEY",
            "SPOTIFY_CLIENT_ID")) {
      assertThat(text)
          .as(secret)
          .doesNotContain("${" + secret + ":-")
          .contains("${" + secret + ":?");
    }
    assertThat(text).doesNotContain(LocalSettings.DEV_JWT_SECRET);
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    assumeTrue(dockerComposeAvailable(), "the docker compose client is not installed here");
    ProcessBuilder config =
        new ProcessBuilder("docker", "compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
            .redirectErrorStream(true);
    config.environment().putAll(dummySecrets());
    Process process = config.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static Map<String, String> dummySecrets() {
    return Map.of(
        "POSTGRES_PASSWORD", "test-only",
        "SPOTIFY_CLIENT_ID", "test-only",
        "SPOTIFY_CLIENT_SECRET", "test-only",
        "TICKETMASTER_API_KEY", "test-only");
  }

  private static boolean dockerComposeAvailable() {
    try {
      Process process =
          new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
