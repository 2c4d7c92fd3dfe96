package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v3/api-docs} is a valid OpenAPI 3.1 document, and the answers the API really gives
 * match the schemas it documents for them, nulls included.
 */
class ApiDocsIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();

  private JsonNode document;
  private OpenApiSchemas schemas;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
  }

  @BeforeEach
  void fetchTheDocument() {
    ApiClient.Answer answer = api().get("/v3/api-docs", null);
    assertThat(answer.status()).isEqualTo(200);
    document = answer.json();
    schemas = new OpenApiSchemas(document);
  }

  @Test
  void isOpenApi31() {
    assertThat(document.path("openapi").asString()).startsWith("3.1.");
  }

  @Test
  void describesEveryResponseHeaderWithASchema() {
    List<String> headers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        for (Map.Entry<String, JsonNode> response :
            operation.getValue().path("responses").properties()) {
          for (Map.Entry<String, JsonNode> header :
              response.getValue().path("headers").properties()) {
            String described =
                String.join(
                    " ", operation.getKey(), path.getKey(), response.getKey(), header.getKey());
            headers.add(described);
            // OpenAPI 3.1, Header Object: exactly one of schema and content
            assertThat(header.getValue().has("schema") != header.getValue().has("content"))
                .as(described + " " + header.getValue())
                .isTrue();
          }
        }
      }
    }
    assertThat(headers)
        .anyMatch(header -> header.startsWith("post /api/v1/syncs 202 Location"))
        .anyMatch(header -> header.startsWith("post /api/v1/backfills 202 Location"));
  }

  @Test
  void neverPutsATypeBesideARef() {
    // Beside a $ref every keyword applies too: {"type": "null", "$ref": ...} matches no value.
    List<String> mixed = new ArrayList<>();
    collectRefsWithAType(document, "$", mixed);

    assertThat(mixed).isEmpty();
  }

  @Test
  void declaresTheFieldsThatAnswersCarryAsNullNullable() {
    Map<String, List<String>> nullable =
        Map.of(
            "SyncJob", List.of("startedAt", "finishedAt", "error", "parentSyncId"),
            "EntitySyncStatus", List.of("syncStatus", "lastSync", "lastSyncError"));
    Map<String, List<String>> notNullable =
        Map.of(
            "SyncJob",
            List.of("syncId", "entityType", "status", "requestedAt", "rootSyncId", "children"),
            "EntitySyncStatus",
            List.of("entityId"));

    assertAdmitNull(nullable, true);
    assertAdmitNull(notNullable, false);
    JsonNode error = JsonMapper.shared().readTree("{\"code\":\"TIMED_OUT\",\"message\":\"x\"}");
    assertThat(schemas.violations(error, property("SyncJob", "error"))).isEmpty();
  }

  @Test
  void describesTheJobFieldsThatCoverTheCascadeOrARetry() {
    // then: a running job with a retry pending shows its last attempt's error
    assertThat(property("SyncJob", "error").path("description").asString())
        .doesNotContain("null unless the job failed")
        .contains("last failed attempt", "retry", "completed");
    assertThat(property("SyncJob", "status").path("description").asString())
        .contains("cascade", "every job below it", "retry pending");
    assertThat(property("SyncJob", "finishedAt").path("description").asString())
        .contains("latest finish", "every job below it");
  }

  @Test
  void documentsTheErrorsOfA400WithAFieldThatMayBeNull() {
    // given a request that breaks a rule of the body as a whole, and one of a field
    String token = TestTokens.valid();
    ApiClient.Answer noIdentifier = api().postSync(token, "{\"entityType\":\"venue\"}");
    ApiClient.Answer spotifyIdForAShow =
        api().postSync(token, "{\"entityType\":\"show\",\"spotifyId\":\"4Z8W4fKeB5YxbusRsdQVPb\"}");

    // then
    JsonNode items = property("ProblemDetail", "errors").path("items");
    assertThat(schemas.admitsNull(schemas.component("InvalidField").at("/properties/field")))
        .isTrue();
    for (ApiClient.Answer answer : List.of(noIdentifier, spotifyIdForAShow)) {
      assertThat(answer.json().path("errors").isEmpty()).as(answer.text()).isFalse();
      for (JsonNode error : answer.json().path("errors")) {
        assertThat(schemas.violations(error, items)).as(answer.text()).isEmpty();
      }
    }
  }

  @Test
  void realAnswersMatchTheirDocumentedSchemas() {
    // given a queued job (no worker runs here) and a venue that was never synced
    String token = TestTokens.valid();
    ApiClient.Answer accepted =
        api().postSync(token, ApiClient.artistBySpotifyId(ApiClient.newSpotifyId()));
    String syncId = accepted.json().path("syncId").asString();
    UUID venueId =
        jdbc()
            .sql("INSERT INTO venues (ticketmaster_id, name) VALUES (?, 'Test venue') RETURNING id")
            .param("KovZ" + System.nanoTime())
            .query(UUID.class)
            .single();
    ApiClient.Answer backfill =
        api().postBackfill(token, "{\"entityType\":\"venue\",\"selector\":\"failed\"}");

    // when
    ApiClient.Answer job = api().get("/api/v1/syncs/" + syncId, token);
    ApiClient.Answer artist =
        api()
            .get(
                "/api/v1/artists/" + accepted.json().path("entityId").asString() + "/sync-status",
                token);
    ApiClient.Answer venue = api().get("/api/v1/venues/" + venueId + "/sync-status", token);
    ApiClient.Answer backfillProgress =
        api().get("/api/v1/backfills/" + backfill.json().path("backfillId").asString(), token);
    ApiClient.Answer notFound = api().get("/api/v1/syncs/" + UUID.randomUUID(), token);
    ApiClient.Answer invalid = api().postSync(token, "{\"entityType\":\"artist\"}");

    // then
    assertThat(job.json().path("startedAt").isNull()).isTrue();
    assertThat(job.json().path("error").isNull()).isTrue();
    assertThat(venue.json().path("syncStatus").isNull()).isTrue();
    assertMatches(accepted, 202, "post", "/api/v1/syncs");
    assertMatches(backfill, 202, "post", "/api/v1/backfills");
    assertMatches(job, 200, "get", "/api/v1/syncs/{syncId}");
    assertMatches(artist, 200, "get", "/api/v1/artists/{id}/sync-status");
    assertMatches(venue, 200, "get", "/api/v1/venues/{id}/sync-status");
    assertMatches(backfillProgress, 200, "get", "/api/v1/backfills/{id}");
    assertMatches(notFound, 404, "get", "/api/v1/syncs/{syncId}");
    assertThat(invalid.json().has("errors")).as(invalid.text()).isTrue();
    assertMatches(invalid, 400, "post", "/api/v1/syncs");
    assertThat(schemas.component("ProblemDetail").path("properties").has("properties")).isFalse();
    assertThat(schemas.component("ProblemDetail").at("/properties/instance/format").asString())
        .isEqualTo("uri-reference");
  }

  private void assertMatches(ApiClient.Answer answer, int status, String method, String path) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    String mediaType = answer.contentType().split(";")[0];
    JsonNode schema =
        document
            .path("paths")
            .path(path)
            .path(method)
            .path("responses")
            .path(String.valueOf(status))
            .path("content")
            .path(mediaType)
            .path("schema");
    assertThat(schema.isObject()).as(method + " " + path + " " + status + " " + mediaType).isTrue();
    assertThat(schemas.violations(answer.json(), schema)).as(answer.text()).isEmpty();
  }

  private JsonNode property(String schema, String field) {
    JsonNode property = schemas.component(schema).path("properties").path(field);
    assertThat(property.isObject()).as(schema + "." + field).isTrue();
    return property;
  }

  private static void collectRefsWithAType(JsonNode node, String path, List<String> found) {
    if (node.isObject()) {
      if (node.has("$ref") && node.has("type")) {
        found.add(path + " " + node);
      }
      node.properties()
          .forEach(
              entry -> collectRefsWithAType(entry.getValue(), path + "/" + entry.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectRefsWithAType(node.get(i), path + "/" + i, found);
      }
    }
  }

  private void assertAdmitNull(Map<String, List<String>> fieldsBySchema, boolean admitsNull) {
    fieldsBySchema.forEach(
        (schema, fields) ->
            fields.forEach(
                field ->
                    assertThat(schemas.admitsNull(property(schema, field)))
                        .as(schema + "." + field)
                        .isEqualTo(admitsNull)));
  }
}
