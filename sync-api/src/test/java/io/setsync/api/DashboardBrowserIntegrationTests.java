package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncReason;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.TestInfrastructure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real (headless) browser against the running sync-api: token, sync request, job
 * polling to the end, entity status, and that response text is never rendered as markup. Skipped
 * where {@code /usr/bin/chromium} is not installed (CI does not need it).
 */
@EnabledIf("io.setsync.api.HeadlessChromium#installed")
class DashboardBrowserIntegrationTests extends SyncApiIntegrationTest {

  private static final Duration UI_TIMEOUT = Duration.ofSeconds(20);
  private static final String OUTCOMES = Topics.OUTCOMES.name();
  private static final String SHOWS = Topics.requested(EntityType.SHOW).name();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, TestInfrastructure.newDatabase());
  }

  @Test
  void requestsASyncAndFollowsItsJobUntilItFails() throws IOException {
    String spotifyId = ApiClient.newSpotifyId();
    String token = TestTokens.forSubject("dashboard-user", TestTokens.ALL_SCOPES);
    String markup = "<img src=x onerror=\"window.injected=true\"> upstream said no";

    try (HeadlessChromium browser = HeadlessChromium.start();
        KafkaProducer<String, SpecificRecord> producer =
            TestKafka.producer(TestInfrastructure.kafkaBootstrapServers())) {
      // given the dashboard, opened without a token
      browser.open("http://localhost:" + port + "/");
      await()
          .atMost(UI_TIMEOUT)
          .until(
              () -> browser.eval("document.documentElement.dataset.ready === 'true'").asBoolean());
      assertThat(browser.text("#token-info")).contains("No token");

      // when a sync is asked for without a token
      browser.type("#sync-spotify-id", spotifyId);
      browser.click("#sync-submit");

      // then the 401 problem is shown with a hint
      await().atMost(UI_TIMEOUT).until(() -> browser.text("#sync-result").contains("401"));
      assertThat(browser.text("#sync-result"))
          .contains("401 Unauthorized", "A bearer token is required", "./setsync up");

      // when the token is pasted as ./setsync up prints it, and the sync asked for again
      browser.type("#token", "export SETSYNC_TOKEN=" + token);
      browser.click("#token-form button[type=submit]");
      browser.click("#sync-submit");

      // then the 202 is shown, the job is followed and remembered for the session
      assertThat(browser.text("#token-info")).contains("subject dashboard-user", "sync:write");
      assertThat(browser.eval("sessionStorage.getItem('setsync.dashboard.token')").asString())
          .isEqualTo(token);
      await().atMost(UI_TIMEOUT).until(() -> browser.text("#sync-result").contains("202"));
      UUID syncId =
          UUID.fromString(browser.eval("document.getElementById('job-id').value").asString());
      assertThat(browser.text("#sync-result")).contains("202 Accepted", syncId.toString());
      await()
          .atMost(UI_TIMEOUT)
          .until(() -> browser.text("#job-result").contains("refreshing every second"));
      assertThat(browser.text("#job-result")).contains("queued", "0 total");
      assertThat(browser.text("#history")).contains(syncId.toString(), "artist");

      // when the worker starts the job, cascades to two shows (one completes, one fails) and
      // fails the job for good, with a message that looks like markup
      UUID artistId = artistId(spotifyId);
      TestEvents.Job job = new TestEvents.Job(syncId, syncId, null, EntityType.ARTIST, artistId);
      TestEvents.Job show1 = job.child(EntityType.SHOW, UUID.randomUUID());
      TestEvents.Job show2 = job.child(EntityType.SHOW, UUID.randomUUID());
      Instant t = Instant.now();
      send(producer, OUTCOMES, artistId, TestEvents.started(job, t, 1));
      send(producer, SHOWS, show1.entityId(), TestEvents.requested(show1, t, SyncReason.CASCADE));
      send(producer, SHOWS, show2.entityId(), TestEvents.requested(show2, t, SyncReason.CASCADE));
      send(producer, OUTCOMES, show1.entityId(), TestEvents.completed(show1, t, t.plusMillis(20)));
      send(
          producer,
          OUTCOMES,
          show2.entityId(),
          TestEvents.failed(show2, t.plusMillis(30), 1, true, SyncErrorCode.NOT_FOUND, "gone"));
      send(
          producer,
          OUTCOMES,
          artistId,
          TestEvents.failed(
              job, t.plusMillis(50), 1, true, SyncErrorCode.UPSTREAM_UNAVAILABLE, markup));

      // then the page polls until the final state and shows the message as text, and the children
      await().atMost(UI_TIMEOUT).until(() -> browser.text("#job-result").contains("final"));
      assertThat(browser.text("#job-result"))
          .contains(
              "failed",
              "UPSTREAM_UNAVAILABLE: " + markup,
              "rootSyncId" + syncId,
              "2 total · 1 completed · 1 failed · 0 pending");
      assertThat(browser.eval("document.querySelector('#job-result .bar-completed').style.width"))
          .hasToString("\"50%\"");
      assertThat(browser.eval("document.querySelectorAll('main img').length").asInt()).isZero();

      // when the artist's sync status is looked up
      browser.type("#status-kind", "artists");
      browser.type("#status-id", artistId.toString());
      browser.click("#status-form button[type=submit]");

      // then its columns are shown, the error as text too
      await().atMost(UI_TIMEOUT).until(() -> browser.text("#status-result").contains("failed"));
      assertThat(browser.text("#status-result")).contains(artistId.toString(), markup);
      assertThat(browser.eval("window.injected === undefined").asBoolean()).isTrue();
      assertThat(browser.errors()).isEmpty();
    }
  }

  @Test
  void keepsTheTokenAndTheOpenJobAcrossAReload() throws IOException {
    String token = TestTokens.forSubject("dashboard-user", TestTokens.ALL_SCOPES);
    ApiClient.Answer accepted =
        api().postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId()));
    String syncId = accepted.json().path("syncId").asString();

    try (HeadlessChromium browser = HeadlessChromium.start()) {
      // given a job opened from the dashboard with a token
      browser.open("http://localhost:" + port + "/");
      await()
          .atMost(UI_TIMEOUT)
          .until(
              () -> browser.eval("document.documentElement.dataset.ready === 'true'").asBoolean());
      browser.type("#token", token);
      browser.click("#token-form button[type=submit]");
      browser.type("#job-id", syncId);
      browser.click("#job-form button[type=submit]");
      await().atMost(UI_TIMEOUT).until(() -> browser.text("#job-result").contains("queued"));

      // when the page is reloaded
      browser.eval("location.reload()");
      await()
          .atMost(UI_TIMEOUT)
          .ignoreExceptions()
          .until(
              () ->
                  browser.eval("document.documentElement.dataset.ready === 'true'").asBoolean()
                      && browser.text("#job-result").contains("queued"));

      // then the token and the job (from the URL fragment) are still there, the token not in it
      assertThat(browser.text("#token-info")).contains("subject dashboard-user");
      assertThat(browser.eval("location.hash").asString()).isEqualTo("#sync=" + syncId);
      assertThat(browser.text("#job-result")).contains(syncId);
      assertThat(browser.errors()).isEmpty();
    }
  }

  private UUID artistId(String spotifyId) {
    return jdbc()
        .sql("SELECT id FROM artists WHERE spotify_id = ?")
        .param(spotifyId)
        .query(UUID.class)
        .single();
  }

  private static void send(
      KafkaProducer<String, SpecificRecord> producer,
      String topic,
      UUID key,
      SpecificRecord event) {
    TestKafka.send(producer, topic, key, event);
  }
}
