package io.setsync.api;

import static io.setsync.api.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Every status code of contract section 4, through real HTTP, on real PostgreSQL and Kafka. */
class HttpApiIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
    registry.add("setsync.security.rate-limit.requests-per-second", () -> "5");
    registry.add("setsync.security.rate-limit.burst", () -> "30");
    registry.add("setsync.security.cors-allowed-origins", () -> "https://app.example.com");
  }

  @Test
  void acceptsAnArtistNamedBySpotifyIdAndCreatesItsRow() {
    // given
    String spotifyId = ApiClient.newSpotifyId();

    // when
    ApiClient.Answer answer =
        api().postSync(TestTokens.valid(), ApiClient.artistBySpotifyId(spotifyId));

    // then
    assertThat(answer.status()).isEqualTo(202);
    JsonNode body = answer.json();
    UUID syncId = UUID.fromString(body.path("syncId").asString());
    UUID entityId = UUID.fromString(body.path("entityId").asString());
    assertThat(answer.header("Location")).isEqualTo("/api/v1/syncs/" + syncId);
    assertThat(body.path("status").asString()).isEqualTo("queued");
    assertThat(body.path("entityType").asString()).isEqualTo("artist");
    assertThat(body.path("coalesced").asBoolean()).isFalse();
    assertThat(
            jdbc()
                .sql("SELECT spotify_id FROM artists WHERE id = ?")
                .param(entityId)
                .query(String.class)
                .single())
        .isEqualTo(spotifyId);
  }

  @Test
  void resolvesAnArtistCreatedByItsExternalIdsByEitherIdAndByEntityId() {
    // given an artist created by a request naming both ids
    String token = TestTokens.valid();
    String spotifyId = ApiClient.newSpotifyId();
    String ticketmasterId = "K8vZ" + System.nanoTime();
    ApiClient.Answer created =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","spotifyId":"%s","ticketmasterId":"%s"}"""
                    .formatted(spotifyId, ticketmasterId));
    String entityId = created.json().path("entityId").asString();

    // when
    ApiClient.Answer bySpotifyId = api().postSync(token, ApiClient.artistBySpotifyId(spotifyId));
    ApiClient.Answer byTicketmasterId =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","ticketmasterId":"%s"}"""
                    .formatted(ticketmasterId));
    ApiClient.Answer byEntityId =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","entityId":"%s"}"""
                    .formatted(entityId));

    // then
    assertThat(created.status()).isEqualTo(202);
    assertThat(created.json().path("coalesced").asBoolean()).isFalse();
    for (ApiClient.Answer answer : List.of(bySpotifyId, byTicketmasterId, byEntityId)) {
      assertThat(answer.status()).as(answer.text()).isEqualTo(202);
      assertThat(answer.json().path("entityId").asString()).isEqualTo(entityId);
      assertThat(answer.json().path("syncId").asString())
          .isEqualTo(created.json().path("syncId").asString());
      assertThat(answer.json().path("coalesced").asBoolean()).isTrue();
    }
    assertThat(
            jdbc()
                .sql(
                    "SELECT id::text, spotify_id, ticketmaster_id FROM artists"
                        + " WHERE spotify_id = ? OR ticketmaster_id = ?")
                .param(spotifyId)
                .param(ticketmasterId)
                .query()
                .listOfRows())
        .containsExactly(
            Map.of("id", entityId, "spotify_id", spotifyId, "ticketmaster_id", ticketmasterId));
  }

  @Test
  void prefersTheArtistOfTheSpotifyIdWhenTheTwoIdsNameTwoArtists() {
    // given one artist known by a Spotify id, another by a Ticketmaster id
    String token = TestTokens.valid();
    String spotifyId = ApiClient.newSpotifyId();
    String ticketmasterId = "K8vZ" + System.nanoTime();
    UUID bySpotify = insertArtist(spotifyId, null);
    UUID byTicketmaster = insertArtist(null, ticketmasterId);

    // when
    ApiClient.Answer both =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","spotifyId":"%s","ticketmasterId":"%s"}"""
                    .formatted(spotifyId, ticketmasterId));
    ApiClient.Answer unknownSpotifyId =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","spotifyId":"%s","ticketmasterId":"%s"}"""
                    .formatted(ApiClient.newSpotifyId(), ticketmasterId));

    // then
    assertThat(both.status()).as(both.text()).isEqualTo(202);
    assertThat(both.json().path("entityId").asString()).isEqualTo(bySpotify.toString());
    assertThat(
            jdbc()
                .sql("SELECT spotify_id || ' ' || ticketmaster_id FROM sync_jobs WHERE id = ?")
                .param(UUID.fromString(both.json().path("syncId").asString()))
                .query(String.class)
                .single())
        .isEqualTo(spotifyId + " " + ticketmasterId);
    assertThat(unknownSpotifyId.status()).as(unknownSpotifyId.text()).isEqualTo(202);
    assertThat(unknownSpotifyId.json().path("entityId").asString())
        .isEqualTo(byTicketmaster.toString());
    assertThat(artistsNamed(spotifyId, ticketmasterId)).isEqualTo(2);
  }

  @Test
  void refusesIdsThatContradictTheStoredArtistWith400AndCreatesNoArtist() {
    // given
    String token = TestTokens.valid();
    String spotifyId = ApiClient.newSpotifyId();
    String ticketmasterId = "K8vZ" + System.nanoTime();
    insertArtist(spotifyId, ticketmasterId);
    String otherSpotifyId = ApiClient.newSpotifyId();
    String otherTicketmasterId = "K8vZ" + System.nanoTime();

    // when
    ApiClient.Answer otherTicketmasterIdAnswer =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","spotifyId":"%s","ticketmasterId":"%s"}"""
                    .formatted(spotifyId, otherTicketmasterId));
    ApiClient.Answer otherSpotifyIdAnswer =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","spotifyId":"%s","ticketmasterId":"%s"}"""
                    .formatted(otherSpotifyId, ticketmasterId));

    // then
    assertProblem(otherTicketmasterIdAnswer, 400, "invalid-request");
    assertProblem(otherSpotifyIdAnswer, 400, "invalid-request");
    assertThat(artistsNamed(otherSpotifyId, otherTicketmasterId)).isZero();
  }

  @Test
  void marksTheEntityQueuedUnlessANewerStatusIsThere() {
    // given
    String token = TestTokens.valid();
    UUID venueId = insertVenue();
    String venue = "{\"entityType\":\"venue\",\"entityId\":\"" + venueId + "\"}";

    // when
    ApiClient.Answer first = api().postSync(token, venue);

    // then
    assertThat(venueStatus(venueId))
        .containsEntry("sync_status", "queued")
        .containsEntry("sync_status_at", requestedAt(first));

    // when a newer status is there (a worker's clock ahead of ours), and the sync is forced
    jdbc()
        .sql(
            "UPDATE venues SET sync_status = 'synced', sync_status_at = now() + interval '1 hour'"
                + " WHERE id = ?")
        .param(venueId)
        .update();
    Map<String, Object> synced = venueStatus(venueId);
    ApiClient.Answer forced =
        api()
            .postSync(
                token,
                """
                {"entityType":"venue","entityId":"%s","options":{"forceRefresh":true}}"""
                    .formatted(venueId));

    // then
    assertThat(forced.json().path("coalesced").asBoolean()).isFalse();
    assertThat(requestedAt(forced)).isNotNull();
    assertThat(venueStatus(venueId)).isEqualTo(synced);
  }

  @Test
  void coalescesARequestForAnEntityWithAQueuedJobUnlessForceRefresh() {
    // given
    String spotifyId = ApiClient.newSpotifyId();
    String token = TestTokens.valid();
    JsonNode first = api().postSync(token, ApiClient.artistBySpotifyId(spotifyId)).json();

    // when
    ApiClient.Answer again = api().postSync(token, ApiClient.artistBySpotifyId(spotifyId));
    ApiClient.Answer forced =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","spotifyId":"%s","options":{"forceRefresh":true}}"""
                    .formatted(spotifyId));

    // then
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().path("syncId").asString()).isEqualTo(first.path("syncId").asString());
    assertThat(again.json().path("coalesced").asBoolean()).isTrue();
    assertThat(forced.status()).isEqualTo(202);
    assertThat(forced.json().path("syncId").asString())
        .isNotEqualTo(first.path("syncId").asString());
    assertThat(forced.json().path("coalesced").asBoolean()).isFalse();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
    // given
    String token = TestTokens.valid();
    String key = "key-" + UUID.randomUUID();
    String body = ApiClient.artistBySpotifyId(ApiClient.newSpotifyId());
    ApiClient.Answer first = api().postSync(token, body, key);

    // when
    ApiClient.Answer retry = api().postSync(token, body, key);
    ApiClient.Answer otherBody =
        api().postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId()), key);

    // then
    assertThat(first.status()).isEqualTo(202);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.json()).isEqualTo(first.json());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertProblem(otherBody, 422, "idempotency-key-reused");
  }

  @Test
  void returnsAJobWithItsFields() {
    // given
    String token = TestTokens.valid();
    JsonNode accepted =
        api().postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId())).json();

    // when
    ApiClient.Answer answer =
        api().get("/api/v1/syncs/" + accepted.path("syncId").asString(), token);

    // then
    assertThat(answer.status()).isEqualTo(200);
    JsonNode job = answer.json();
    assertThat(job.path("syncId").asString()).isEqualTo(accepted.path("syncId").asString());
    assertThat(job.path("entityType").asString()).isEqualTo("artist");
    assertThat(job.path("entityId").asString()).isEqualTo(accepted.path("entityId").asString());
    assertThat(job.path("status").asString()).isIn("queued", "running");
    assertThat(job.path("reason").asString()).isEqualTo("USER");
    assertThat(job.path("requestedAt").isString()).isTrue();
    assertThat(job.has("startedAt")).isTrue();
    assertThat(job.has("finishedAt")).isTrue();
    assertThat(job.path("attempts").isInt()).isTrue();
    assertThat(job.has("error")).isTrue();
    assertThat(job.path("parentSyncId").isNull()).isTrue();
    assertThat(job.path("rootSyncId").asString()).isEqualTo(accepted.path("syncId").asString());
    assertThat(job.path("children").path("total").asInt()).isZero();
    assertThat(job.path("children").has("completed")).isTrue();
    assertThat(job.path("children").has("failed")).isTrue();
    assertThat(job.path("children").has("pending")).isTrue();
  }

  @Test
  void returnsTheSyncStatusOfEachKindOfEntity() {
    // given
    String token = TestTokens.valid();
    JsonNode accepted =
        api().postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId())).json();
    UUID venueId = insertVenue();
    UUID showId = insertShow();

    // when
    ApiClient.Answer artist =
        api()
            .get("/api/v1/artists/" + accepted.path("entityId").asString() + "/sync-status", token);
    ApiClient.Answer venue = api().get("/api/v1/venues/" + venueId + "/sync-status", token);
    ApiClient.Answer show = api().get("/api/v1/shows/" + showId + "/sync-status", token);

    // then
    assertThat(artist.status()).isEqualTo(200);
    assertThat(artist.json().path("entityId").asString())
        .isEqualTo(accepted.path("entityId").asString());
    assertThat(artist.json().path("syncStatus").asString()).isIn("queued", "syncing");
    assertThat(artist.json().has("lastSync")).isTrue();
    assertThat(artist.json().has("lastSyncError")).isTrue();
    assertThat(venue.status()).isEqualTo(200);
    assertThat(venue.json().path("syncStatus").isNull()).isTrue();
    assertThat(show.status()).isEqualTo(200);
  }

  @Test
  void acceptsAShowAndAVenueByEntityIdOrTicketmasterId() {
    // given
    String token = TestTokens.valid();
    UUID venueId = insertVenue();
    String venueTicketmasterId =
        jdbc()
            .sql("SELECT ticketmaster_id FROM venues WHERE id = ?")
            .param(venueId)
            .query(String.class)
            .single();
    UUID showId = insertShow();

    // when
    ApiClient.Answer venue =
        api()
            .postSync(
                token,
                """
                {"entityType":"venue","ticketmasterId":"%s"}"""
                    .formatted(venueTicketmasterId));
    ApiClient.Answer show =
        api()
            .postSync(
                token,
                """
                {"entityType":"show","entityId":"%s","options":{"skipDependencies":true}}"""
                    .formatted(showId));

    // then
    assertThat(venue.status()).isEqualTo(202);
    assertThat(venue.json().path("entityId").asString()).isEqualTo(venueId.toString());
    assertThat(show.status()).isEqualTo(202);
    assertThat(show.json().path("entityType").asString()).isEqualTo("show");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"show", "venue"})
  void acceptsAShowOrVenueNamedByANewTicketmasterIdAndCreatesItsRow(String kind) {
    // given a Ticketmaster id no row has yet
    String token = TestTokens.valid();
    String table = kind + "s";
    String ticketmasterId = "vvG1" + kind + "-" + System.nanoTime();
    String body =
        """
        {"entityType":"%s","ticketmasterId":"%s"}"""
            .formatted(kind, ticketmasterId);

    // when
    ApiClient.Answer answer = api().postSync(token, body);

    // then a placeholder row with that id is created, queued, and the job names both ids
    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    JsonNode accepted = answer.json();
    UUID syncId = UUID.fromString(accepted.path("syncId").asString());
    UUID entityId = UUID.fromString(accepted.path("entityId").asString());
    assertThat(answer.header("Location")).isEqualTo("/api/v1/syncs/" + syncId);
    assertThat(accepted.path("status").asString()).isEqualTo("queued");
    assertThat(accepted.path("entityType").asString()).isEqualTo(kind);
    assertThat(accepted.path("coalesced").asBoolean()).isFalse();
    assertThat(
            jdbc()
                .sql(
                    "SELECT id, name, sync_status, sync_status_at FROM %s WHERE ticketmaster_id = ?"
                        .formatted(table))
                .param(ticketmasterId)
                .query()
                .listOfRows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("id")).isEqualTo(entityId);
              assertThat(row.get("name")).isNull();
              assertThat(row.get("sync_status")).isEqualTo("queued");
              assertThat(row.get("sync_status_at")).isEqualTo(requestedAt(answer));
            });
    assertThat(
            jdbc()
                .sql("SELECT entity_type, entity_id, ticketmaster_id FROM sync_jobs WHERE id = ?")
                .param(syncId)
                .query()
                .singleRow())
        .isEqualTo(
            Map.of("entity_type", kind, "entity_id", entityId, "ticketmaster_id", ticketmasterId));

    // when asked again, by the Ticketmaster id and by the new entity id
    ApiClient.Answer again = api().postSync(token, body);
    ApiClient.Answer byEntityId =
        api()
            .postSync(
                token,
                """
                {"entityType":"%s","entityId":"%s"}"""
                    .formatted(kind, entityId));

    // then both join the first job, and there is still one row
    for (ApiClient.Answer joined : List.of(again, byEntityId)) {
      assertThat(joined.status()).as(joined.text()).isEqualTo(202);
      assertThat(joined.json().path("syncId").asString()).isEqualTo(syncId.toString());
      assertThat(joined.json().path("entityId").asString()).isEqualTo(entityId.toString());
      assertThat(joined.json().path("coalesced").asBoolean()).isTrue();
    }
    assertThat(
            jdbc()
                .sql("SELECT count(*) FROM %s WHERE ticketmaster_id = ?".formatted(table))
                .param(ticketmasterId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"show", "venue"})
  void aRequestForANewTicketmasterIdThatAConcurrentRequestInsertedFirstGetsThatRow(String kind)
      throws Exception {
    // given another request that inserted the row and has not committed yet
    String ticketmasterId = "vvG1" + kind + "-" + System.nanoTime();
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      UUID created;
      try (PreparedStatement insert =
          other.prepareStatement(
              "INSERT INTO %ss (ticketmaster_id) VALUES (?) RETURNING id::text".formatted(kind))) {
        insert.setString(1, ticketmasterId);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          created = UUID.fromString(rs.getString(1));
        }
      }

      // when this request's insert waits for that one, which then commits
      CompletableFuture<ApiClient.Answer> posted =
          CompletableFuture.supplyAsync(
              () ->
                  api()
                      .postSync(
                          TestTokens.valid(),
                          """
                          {"entityType":"%s","ticketmasterId":"%s"}"""
                              .formatted(kind, ticketmasterId)));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  jdbc()
                          .sql(
                              "SELECT count(*) FROM pg_stat_activity WHERE datname ="
                                  + " current_database() AND wait_event_type = 'Lock'")
                          .query(Long.class)
                          .single()
                      > 0);
      other.commit();

      // then it reads the committed row in a statement of its own and queues its sync
      ApiClient.Answer answer = posted.get(30, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.text()).isEqualTo(202);
      assertThat(answer.json().path("entityId").asString()).isEqualTo(created.toString());
      assertThat(answer.json().path("coalesced").asBoolean()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"show", "venue"})
  void createsNoShowOrVenueForARequestNamingAnEntityIdToo(String kind) {
    // given a stored entity, and a Ticketmaster id no row has
    String token = TestTokens.valid();
    String table = kind + "s";
    UUID stored = kind.equals("show") ? insertShow() : insertVenue();
    String newTicketmasterId = "vvG1" + kind + "-" + System.nanoTime();

    // when
    ApiClient.Answer unknownEntityId =
        api()
            .postSync(
                token,
                """
                {"entityType":"%s","entityId":"%s","ticketmasterId":"%s"}"""
                    .formatted(kind, UUID.randomUUID(), newTicketmasterId));
    ApiClient.Answer otherTicketmasterId =
        api()
            .postSync(
                token,
                """
                {"entityType":"%s","entityId":"%s","ticketmasterId":"%s"}"""
                    .formatted(kind, stored, newTicketmasterId));

    // then
    assertProblem(unknownEntityId, 404, "entity-not-found");
    assertProblem(otherTicketmasterId, 400, "invalid-request");
    assertThat(
            jdbc()
                .sql("SELECT count(*) FROM %s WHERE ticketmaster_id = ?".formatted(table))
                .param(newTicketmasterId)
                .query(Long.class)
                .single())
        .isZero();
  }

  static Stream<Arguments> badBodies() {
    String spotifyId = "4Z8W4fKeB5YxbusRsdQVPb";
    return Stream.of(
        Arguments.of("empty body", ""),
        Arguments.of("not JSON", "entityType=artist"),
        Arguments.of("JSON null", "null"),
        Arguments.of("JSON array", "[]"),
        Arguments.of("truncated JSON", "{\"entityType\":\"artist\""),
        Arguments.of(
            "trailing tokens",
            "{\"entityType\":\"artist\",\"spotifyId\":\"" + spotifyId + "\"} {}"),
        Arguments.of("no entityType", "{\"spotifyId\":\"" + spotifyId + "\"}"),
        Arguments.of(
            "unknown entityType", "{\"entityType\":\"song\",\"spotifyId\":\"" + spotifyId + "\"}"),
        Arguments.of(
            "entityType with a dotless i",
            "{\"entityType\":\"art\u0131st\",\"spotifyId\":\"" + spotifyId + "\"}"),
        Arguments.of(
            "entityType as a number", "{\"entityType\":1,\"spotifyId\":\"" + spotifyId + "\"}"),
        Arguments.of("no identifier", "{\"entityType\":\"artist\"}"),
        Arguments.of(
            "only null identifiers",
            "{\"entityType\":\"artist\",\"entityId\":null,\"spotifyId\":null}"),
        Arguments.of("entityId not a UUID", "{\"entityType\":\"artist\",\"entityId\":\"42\"}"),
        Arguments.of("entityId a number", "{\"entityType\":\"artist\",\"entityId\":42}"),
        Arguments.of("spotifyId too short", "{\"entityType\":\"artist\",\"spotifyId\":\"abc\"}"),
        Arguments.of(
            "spotifyId with symbols",
            "{\"entityType\":\"artist\",\"spotifyId\":\"4Z8W4fKeB5Yxbus-sdQVPb\"}"),
        Arguments.of("spotifyId empty", "{\"entityType\":\"artist\",\"spotifyId\":\"\"}"),
        Arguments.of(
            "spotifyId for a show",
            "{\"entityType\":\"show\",\"spotifyId\":\"" + spotifyId + "\"}"),
        Arguments.of(
            "ticketmasterId with spaces",
            "{\"entityType\":\"venue\",\"ticketmasterId\":\"K 8vZ\"}"),
        Arguments.of(
            "ticketmasterId too long",
            "{\"entityType\":\"venue\",\"ticketmasterId\":\"" + "K".repeat(65) + "\"}"),
        Arguments.of(
            "unknown field",
            "{\"entityType\":\"artist\",\"spotifyId\":\""
                + spotifyId
                + "\",\"priority\":\"high\"}"),
        Arguments.of(
            "unknown option",
            "{\"entityType\":\"artist\",\"spotifyId\":\""
                + spotifyId
                + "\",\"options\":{\"forceRefesh\":true}}"),
        Arguments.of(
            "option as a string",
            "{\"entityType\":\"artist\",\"spotifyId\":\""
                + spotifyId
                + "\",\"options\":{\"forceRefresh\":\"yes\"}}"),
        Arguments.of(
            "option as a number",
            "{\"entityType\":\"artist\",\"spotifyId\":\""
                + spotifyId
                + "\",\"options\":{\"skipDependencies\":1}}"),
        Arguments.of(
            "options not an object",
            "{\"entityType\":\"artist\",\"spotifyId\":\"" + spotifyId + "\",\"options\":true}"),
        Arguments.of(
            "duplicate key",
            "{\"entityType\":\"artist\",\"entityType\":\"show\",\"spotifyId\":\""
                + spotifyId
                + "\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void refusesABadBodyWith400(String description, String body) {
    // when
    ApiClient.Answer answer = api().postSync(TestTokens.valid(), body);

    // then
    assertProblem(answer, 400, "invalid-request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARTIST", "Artist"})
  void acceptsTheEntityTypeInAnyCaseAndAnswersItInLowerCase(String entityType) {
    // given the event's spelling of the kind, as clients reuse it
    String body =
        """
        {"entityType":"%s","spotifyId":"%s"}"""
            .formatted(entityType, ApiClient.newSpotifyId());

    // when
    ApiClient.Answer answer = api().postSync(TestTokens.valid(), body);

    // then
    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    assertThat(answer.json().path("entityType").asString()).isEqualTo("artist");
    assertThat(
            jdbc()
                .sql("SELECT entity_type FROM sync_jobs WHERE id = ?")
                .param(UUID.fromString(answer.json().path("syncId").asString()))
                .query(String.class)
                .single())
        .isEqualTo("artist");
  }

  static Stream<Arguments> invalidFields() {
    String spotifyId = "4Z8W4fKeB5YxbusRsdQVPb";
    return Stream.of(
        Arguments.of(
            "unknown entityType with a spotifyId",
            "{\"entityType\":\"song\",\"spotifyId\":\"" + spotifyId + "\"}",
            List.of("entityType")),
        Arguments.of(
            "spotifyId for a show",
            "{\"entityType\":\"show\",\"spotifyId\":\"" + spotifyId + "\"}",
            List.of("spotifyId")),
        Arguments.of(
            "spotifyId for an upper-case show",
            "{\"entityType\":\"SHOW\",\"spotifyId\":\"" + spotifyId + "\"}",
            List.of("spotifyId")),
        Arguments.of(
            "malformed spotifyId for a venue",
            "{\"entityType\":\"venue\",\"spotifyId\":\"abc\"}",
            List.of("spotifyId", "spotifyId")),
        Arguments.of("no identifier", "{\"entityType\":\"artist\"}", Arrays.asList((String) null)),
        Arguments.of(
            "no identifier and an unknown entityType",
            "{\"entityType\":\"song\"}",
            Arrays.asList("entityType", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFields")
  void namesTheRequestFieldOfEachErrorInErrorsAndDetail(
      String description, String body, List<String> fields) {
    // when
    ApiClient.Answer answer = api().postSync(TestTokens.valid(), body);

    // then
    assertProblem(answer, 400, "invalid-request");
    assertThat(ProblemAssertions.errorFields(answer)).containsExactlyInAnyOrderElementsOf(fields);
    ProblemAssertions.assertReadableDetail(answer);
  }

  @Test
  void refusesAnInvalidIdempotencyKeyWith400() {
    ApiClient.Answer answer =
        api()
            .postSync(
                TestTokens.valid(),
                ApiClient.artistBySpotifyId(ApiClient.newSpotifyId()),
                "k".repeat(256));

    assertProblem(answer, 400, "invalid-request");
  }

  static Stream<Arguments> badTokens() {
    return Stream.of(
        Arguments.of("expired", TestTokens.expired()),
        Arguments.of("wrong signature", TestTokens.wrongSignature()),
        Arguments.of("alg none", TestTokens.algNone()),
        Arguments.of("not a JWT", "not-a-jwt"),
        Arguments.of(
            "signed with the local dev secret",
            TestTokens.signed(
                "setsync-local-dev-secret-change-me-0123456789",
                TestTokens.claims(
                    "someone", TestTokens.ALL_SCOPES, java.time.Instant.now().plusSeconds(600)))));
  }

  @Test
  void refusesARequestWithoutATokenWith401() {
    ApiClient.Answer post =
        api().postSync(null, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId()));
    ApiClient.Answer get = api().get("/api/v1/syncs/" + UUID.randomUUID(), null);

    assertProblem(post, 401, "unauthorized");
    assertThat(post.header("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(get, 401, "unauthorized");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void refusesAnInvalidTokenWith401(String description, String token) {
    ApiClient.Answer post =
        api().postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId()));
    ApiClient.Answer get = api().get("/api/v1/syncs/" + UUID.randomUUID(), token);

    assertProblem(post, 401, "unauthorized");
    assertProblem(get, 401, "unauthorized");
  }

  static Stream<Arguments> missingScopes() {
    String artistStatus = "/api/v1/artists/" + UUID.randomUUID() + "/sync-status";
    return Stream.of(
        Arguments.of("POST without any scope", "POST", "/api/v1/syncs", TestTokens.withoutScope()),
        Arguments.of(
            "POST with sync:read", "POST", "/api/v1/syncs", TestTokens.withScope("sync:read")),
        Arguments.of(
            "POST with sync:admin", "POST", "/api/v1/syncs", TestTokens.withScope("sync:admin")),
        Arguments.of(
            "POST with a look-alike scope",
            "POST",
            "/api/v1/syncs",
            TestTokens.withScope("sync:writer")),
        Arguments.of(
            "GET job with sync:write",
            "GET",
            "/api/v1/syncs/" + UUID.randomUUID(),
            TestTokens.withScope("sync:write")),
        Arguments.of(
            "GET job without any scope",
            "GET",
            "/api/v1/syncs/" + UUID.randomUUID(),
            TestTokens.withoutScope()),
        Arguments.of(
            "GET status with sync:write", "GET", artistStatus, TestTokens.withScope("sync:write")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingScopes")
  void refusesATokenWithoutTheScopeWith403(
      String description, String method, String path, String token) {
    HttpRequest.Builder request = api().request(path, token);
    if (method.equals("POST")) {
      request
          .header("Content-Type", "application/json")
          .POST(
              HttpRequest.BodyPublishers.ofString(
                  ApiClient.artistBySpotifyId(ApiClient.newSpotifyId())));
    } else {
      request.GET();
    }

    ApiClient.Answer answer = api().send(request);

    assertProblem(answer, 403, "forbidden");
    assertThat(answer.header("WWW-Authenticate")).contains("insufficient_scope");
  }

  @Test
  void answers404ForUnknownEntitiesSyncsAndRoutes() {
    String token = TestTokens.valid();

    ApiClient.Answer unknownEntity =
        api()
            .postSync(
                token,
                """
                {"entityType":"artist","entityId":"%s"}"""
                    .formatted(UUID.randomUUID()));
    ApiClient.Answer unknownShow =
        api()
            .postSync(
                token,
                """
                {"entityType":"show","entityId":"%s"}"""
                    .formatted(UUID.randomUUID()));
    ApiClient.Answer unknownSync = api().get("/api/v1/syncs/" + UUID.randomUUID(), token);
    ApiClient.Answer unknownStatus =
        api().get("/api/v1/venues/" + UUID.randomUUID() + "/sync-status", token);
    ApiClient.Answer unknownRoute = api().get("/api/v1/nothing-here", token);
    ApiClient.Answer unknownRouteOutsideApi = api().get("/nothing-here", null);

    assertProblem(unknownEntity, 404, "entity-not-found");
    assertProblem(unknownShow, 404, "entity-not-found");
    assertProblem(unknownSync, 404, "sync-not-found");
    assertProblem(unknownStatus, 404, "entity-not-found");
    assertProblem(unknownRoute, 404, "not-found");
    assertProblem(unknownRouteOutsideApi, 404, "not-found");
  }

  @Test
  void answers400ForAPathIdThatIsNotAUuid() {
    ApiClient.Answer answer = api().get("/api/v1/syncs/not-a-uuid", TestTokens.valid());

    assertProblem(answer, 400, "invalid-request");
  }

  @Test
  void answers405ForAnotherMethod() {
    ApiClient.Answer delete =
        api()
            .send(api().request("/api/v1/syncs/" + UUID.randomUUID(), TestTokens.valid()).DELETE());
    ApiClient.Answer put =
        api()
            .send(
                api()
                    .request("/api/v1/syncs", TestTokens.valid())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")));

    assertProblem(delete, 405, "method-not-allowed");
    assertProblem(put, 405, "method-not-allowed");
  }

  @Test
  void answers406ForAnAnswerTypeItCannotProduce() {
    ApiClient.Answer answer =
        api()
            .send(
                api()
                    .request("/api/v1/syncs/" + UUID.randomUUID(), TestTokens.valid())
                    .header("Accept", "text/html")
                    .GET());

    assertProblem(answer, 406, "not-acceptable");
  }

  @Test
  void answers413ForABodyOver16KiB() {
    String padding = " ".repeat(16 * 1024);
    String body =
        "{\"entityType\":\"artist\",\"spotifyId\":\"" + ApiClient.newSpotifyId() + "\"}" + padding;

    ApiClient.Answer declared = api().postSync(TestTokens.valid(), body);
    ApiClient.Answer chunked =
        api()
            .send(
                api()
                    .request("/api/v1/syncs", TestTokens.valid())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body.getBytes()))));

    assertProblem(declared, 413, "payload-too-large");
    assertProblem(chunked, 413, "payload-too-large");
  }

  @Test
  void acceptsABodyOfExactly16KiB() {
    String json = "{\"entityType\":\"artist\",\"spotifyId\":\"" + ApiClient.newSpotifyId() + "\"}";
    String body = json + " ".repeat(16 * 1024 - json.length());

    ApiClient.Answer answer = api().postSync(TestTokens.valid(), body);

    assertThat(answer.status()).isEqualTo(202);
  }

  @Test
  void answers415ForABodyThatIsNotJson() {
    String json = ApiClient.artistBySpotifyId(ApiClient.newSpotifyId());

    ApiClient.Answer text =
        api()
            .send(
                api()
                    .request("/api/v1/syncs", TestTokens.valid())
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
    ApiClient.Answer form =
        api()
            .send(
                api()
                    .request("/api/v1/syncs", TestTokens.valid())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("entityType=artist")));
    ApiClient.Answer none =
        api()
            .send(
                api()
                    .request("/api/v1/syncs", TestTokens.valid())
                    .POST(HttpRequest.BodyPublishers.ofString(json)));

    assertProblem(text, 415, "unsupported-media-type");
    assertProblem(form, 415, "unsupported-media-type");
    assertProblem(none, 415, "unsupported-media-type");
  }

  @Test
  void answers429WithRetryAfterToAClientOverItsRate() {
    // given a client that sends more than its burst (30) at once
    String subject = "greedy-" + UUID.randomUUID();
    String token = TestTokens.forSubject(subject, TestTokens.ALL_SCOPES);
    List<ApiClient.Answer> answers = new ArrayList<>();

    // when
    for (int i = 0; i < 40; i++) {
      answers.add(api().get("/api/v1/syncs/" + UUID.randomUUID(), token));
    }
    ApiClient.Answer otherClient =
        api().get("/api/v1/syncs/" + UUID.randomUUID(), TestTokens.valid());

    // then
    List<ApiClient.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertProblem(limited.get(0), 429, "rate-limited");
    assertThat(Integer.parseInt(limited.get(0).header("Retry-After"))).isBetween(1, 60);
    assertThat(otherClient.status()).isEqualTo(404);
  }

  @Test
  void answersACorsPreflightOfTheAllowedOriginOnly() {
    HttpRequest.Builder allowed =
        api()
            .request("/api/v1/syncs", null)
            .header("Origin", "https://app.example.com")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    HttpRequest.Builder other =
        api()
            .request("/api/v1/syncs", null)
            .header("Origin", "https://evil.example.com")
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody());

    ApiClient.Answer allowedAnswer = api().send(allowed);
    ApiClient.Answer otherAnswer = api().send(other);

    assertThat(allowedAnswer.status()).isEqualTo(200);
    assertThat(allowedAnswer.header("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
    assertThat(otherAnswer.status()).isEqualTo(403);
  }

  @Test
  void documentsEveryCallWithItsCodes() {
    ApiClient.Answer answer = api().get("/v3/api-docs", null);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode paths = answer.json().path("paths");
    assertThat(paths.path("/api/v1/syncs").path("post").path("responses").propertyNames())
        .containsExactlyInAnyOrder("202", "400", "401", "403", "404", "413", "415", "422", "429");
    assertThat(paths.path("/api/v1/syncs/{syncId}").path("get").path("responses").propertyNames())
        .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "429");
    for (String kind : List.of("artists", "shows", "venues")) {
      assertThat(
              paths
                  .path("/api/v1/" + kind + "/{id}/sync-status")
                  .path("get")
                  .path("responses")
                  .propertyNames())
          .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "429");
    }
    assertThat(paths.path("/api/v1/backfills").path("post").path("responses").propertyNames())
        .containsExactlyInAnyOrder("202", "400", "401", "403", "413", "415", "422", "429");
    assertThat(paths.path("/api/v1/backfills/{id}").path("get").path("responses").propertyNames())
        .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "429");
    JsonNode rateLimited = paths.path("/api/v1/syncs").path("post").path("responses").path("429");
    assertThat(rateLimited.path("headers").has("Retry-After")).isTrue();
    assertThat(
            rateLimited
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asString())
        .isEqualTo("#/components/schemas/ProblemDetail");
    assertThat(answer.json().path("components").path("schemas").has("ProblemDetail")).isTrue();
    assertThat(paths.has("/error")).isFalse();
  }

  @Test
  void exposesHealthAndMetricsWithoutAToken() {
    ApiClient.Answer health = api().get("/actuator/health/readiness", null);
    ApiClient.Answer prometheus = api().get("/actuator/prometheus", null);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("components").has("db")).isTrue();
    assertThat(health.json().path("components").has("kafka")).isTrue();
    assertThat(prometheus.status()).isEqualTo(200);
    assertThat(prometheus.text())
        .contains(
            "setsync_outbox_backlog",
            "setsync_outbox_oldest_age_seconds",
            "setsync_sync_requests_total",
            "setsync_jobs{",
            "setsync_projector_lag",
            "kafka_consumer_fetch_manager_records_lag");
  }

  @Test
  void servesTheDashboardAtTheRootWithoutAToken() {
    ApiClient.Answer page =
        api().send(api().request("/", null).header("Accept", "text/html,*/*;q=0.8").GET());
    ApiClient.Answer script = api().get("/dashboard.js", null);
    ApiClient.Answer asJson =
        api().send(api().request("/", null).header("Accept", "application/json").GET());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<form id=\"sync-form\"", "<form id=\"job-form\"");
    assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(page.header("Last-Modified")).isNotBlank();
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
    assertProblem(asJson, 406, "not-acceptable");
  }

  private UUID insertArtist(String spotifyId, String ticketmasterId) {
    return jdbc()
        .sql("INSERT INTO artists (spotify_id, ticketmaster_id) VALUES (?, ?) RETURNING id")
        .param(spotifyId)
        .param(ticketmasterId)
        .query(UUID.class)
        .single();
  }

  private long artistsNamed(String spotifyId, String ticketmasterId) {
    return jdbc()
        .sql("SELECT count(*) FROM artists WHERE spotify_id = ? OR ticketmaster_id = ?")
        .param(spotifyId)
        .param(ticketmasterId)
        .query(Long.class)
        .single();
  }

  private Map<String, Object> venueStatus(UUID venueId) {
    return jdbc()
        .sql("SELECT sync_status, sync_status_at FROM venues WHERE id = ?")
        .param(venueId)
        .query()
        .singleRow();
  }

  private Object requestedAt(ApiClient.Answer accepted) {
    return jdbc()
        .sql("SELECT requested_at FROM sync_jobs WHERE id = ?")
        .param(UUID.fromString(accepted.json().path("syncId").asString()))
        .query()
        .singleValue();
  }

  private UUID insertVenue() {
    return jdbc()
        .sql("INSERT INTO venues (ticketmaster_id, name) VALUES (?, 'Test venue') RETURNING id")
        .param("KovZ" + System.nanoTime())
        .query(UUID.class)
        .single();
  }

  private UUID insertShow() {
    return jdbc()
        .sql("INSERT INTO shows (ticketmaster_id, name) VALUES (?, 'Test show') RETURNING id")
        .param("vvG" + System.nanoTime())
        .query(UUID.class)
        .single();
  }
}
