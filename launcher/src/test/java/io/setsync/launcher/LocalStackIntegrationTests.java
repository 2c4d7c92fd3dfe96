package io.setsync.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's path, end to end: start the whole local stack as {@code ./setsync up} does, sync a
 * demo artist through the HTTP API to {@code completed}, stop; start again on the same data, find
 * the artist, and sync another one.
 */
class LocalStackIntegrationTests {

  private static final String RADIOHEAD = "4Z8W4fKeB5YxbusRsdQVPb";
  private static final String COLDPLAY = "4gzpq5DPGxSnKTe1SA8hKP";
  private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataHome;

  @Test
  void syncsADemoArtistAndKeepsItsDataAcrossARestart() throws Exception {
    LocalSettings settings =
        LocalSettings.from(freePorts(), Path.of("..").toAbsolutePath().normalize(), dataHome);
    String token = DevToken.issue(settings.jwtSecret(), Duration.ofHours(1));
    String firstSync;

    try (LocalStack stack = LocalStack.start(settings)) {
      firstSync = requestArtist(settings, token, RADIOHEAD);
      awaitCompleted(settings, token, firstSync);

      assertThat(count(settings, "SELECT count(*) FROM artists WHERE spotify_id = ?", RADIOHEAD))
          .isOne();
      assertThat(
              count(
                  settings,
                  """
                  SELECT count(*) FROM shows s JOIN artists a ON a.id = s.artist_id
                  WHERE a.spotify_id = ? AND s.venue_id IS NOT NULL
                  """,
                  RADIOHEAD))
          .isPositive();
      assertThat(outcomeEvents(settings)).isPositive();
    }

    try (LocalStack restarted = LocalStack.start(settings)) {
      assertThat(jobStatus(settings, token, firstSync)).isEqualTo("completed");
      assertThat(count(settings, "SELECT count(*) FROM artists WHERE spotify_id = ?", RADIOHEAD))
          .isOne();

      String secondSync = requestArtist(settings, token, COLDPLAY);
      awaitCompleted(settings, token, secondSync);
    }
  }

  private String requestArtist(LocalSettings settings, String token, String spotifyId)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/api/v1/syncs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"entityType\":\"artist\",\"spotifyId\":\"" + spotifyId + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    Matcher syncId = SYNC_ID.matcher(response.body());
    assertThat(syncId.find()).as(response.body()).isTrue();
    return syncId.group(1);
  }

  private void awaitCompleted(LocalSettings settings, String token, String syncId) {
    await("sync " + syncId + " completed")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> jobStatus(settings, token, syncId), status -> status.equals("completed"));
  }

  private String jobStatus(LocalSettings settings, String token, String syncId)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/api/v1/syncs/" + syncId))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher status = STATUS.matcher(response.body());
    assertThat(status.find()).as(response.body()).isTrue();
    return status.group(1);
  }

  private static long count(LocalSettings settings, String sql, String parameter)
      throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(settings.jdbcUrl(), "setsync", "setsync");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long outcomeEvents(LocalSettings settings) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("sync.outcomes").stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Ports nobody uses, so the test runs beside a developer's own ./setsync up. */
  private static Map<String, String> freePorts() throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("SETSYNC_API_PORT", String.valueOf(freePort()));
    env.put("SETSYNC_KAFKA_PORT", String.valueOf(freePort()));
    env.put("SETSYNC_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
    env.put("SETSYNC_DB_PORT", String.valueOf(freePort()));
    env.put("SETSYNC_SCHEMA_REGISTRY_PORT", String.valueOf(freePort()));
    env.put("SETSYNC_SIMULATOR_PORT", String.valueOf(freePort()));
    env.put("SETSYNC_WORKER_PORT_BASE", String.valueOf(freePortBlock()));
    env.remove("SPOTIFY_CLIENT_ID"); // always the simulator here, never real APIs
    return env;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A base whose next three ports are free, for the workers. */
  private static int freePortBlock() throws IOException {
    for (int base = 31000; base < 40000; base += 10) {
      if (free(base + 1) && free(base + 2) && free(base + 3)) {
        return base;
      }
    }
    throw new IOException("no free block of ports for the workers");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
