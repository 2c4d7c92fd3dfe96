package io.setsync.registry;

import static io.setsync.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.registry.RegistryHttp.Response;
import io.setsync.schemas.registry.RegisteredSchema;
import io.setsync.schemas.registry.SchemaRegistryClient;
import io.setsync.schemas.registry.SchemaRegistryException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SchemaRegistryApiIntegrationTests extends RunningRegistry {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final String subject = "api-" + UUID.randomUUID();

  @Test
  void registersASchemaAndServesItById() {
    // when
    Response registered = http().post(versions(subject), schemaBody(TestSchemas.v1("Thing")));

    // then
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.contentType()).startsWith(RegistryHttp.V1);
    int id = registered.body().get("id").asInt();
    Response byId = http().get("/schemas/ids/" + id);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(new Schema.Parser().parse(byId.body().get("schema").asString()))
        .isEqualTo(new Schema.Parser().parse(TestSchemas.v1("Thing")));
  }

  @Test
  void sameSchemaGetsTheSameIdInEverySubjectWhateverItsWhitespace() {
    // given
    int id = register(subject, TestSchemas.v1("Thing"));

    // when
    int again = register(subject, TestSchemas.v1("Thing").replace(" ", "").replace("\n", ""));
    int elsewhere = register(subject + "-other", TestSchemas.v1("Thing"));

    // then
    assertThat(again).isEqualTo(id);
    assertThat(elsewhere).isEqualTo(id);
    assertThat(http().get(versions(subject)).body().toString()).isEqualTo("[1]");
    assertThat(http().get(versions(subject + "-other")).body().toString()).isEqualTo("[1]");
  }

  @Test
  void differentSchemasGetDifferentIdsAndVersions() {
    int v1 = register(subject, TestSchemas.v1("Thing"));
    int v2 = register(subject, TestSchemas.v2WithDefault("Thing"));

    assertThat(v2).isNotEqualTo(v1);
    assertThat(http().get(versions(subject)).body().toString()).isEqualTo("[1,2]");
    Response latest = http().get(versions(subject) + "/latest");
    assertThat(latest.body().get("version").asInt()).isEqualTo(2);
    assertThat(latest.body().get("id").asInt()).isEqualTo(v2);
    assertThat(latest.body().get("subject").asString()).isEqualTo(subject);
    Response first = http().get(versions(subject) + "/1");
    assertThat(first.body().get("id").asInt()).isEqualTo(v1);
    assertThat(http().get("/subjects").body().valueStream().map(n -> n.asString()))
        .contains(subject);
  }

  @Test
  void incompatibleSchemaIsRefusedWith409AndConfluentsBody() {
    // given
    register(subject, TestSchemas.v1("Thing"));

    // when
    Response refused =
        http().post(versions(subject), schemaBody(TestSchemas.withRequiredField("Thing")));

    // then
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith(RegistryHttp.V1);
    assertThat(refused.body().get("error_code").asInt()).isEqualTo(409);
    assertThat(refused.body().get("message").asString())
        .startsWith("Schema being registered is incompatible with an earlier schema")
        .contains(subject)
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("count");
    assertThat(http().get(versions(subject)).body().toString()).isEqualTo("[1]");
  }

  @Test
  void lookupFindsTheVersionOfASchema() {
    int id = register(subject, TestSchemas.v1("Thing"));
    register(subject, TestSchemas.v2WithDefault("Thing"));

    Response found = http().post("/subjects/" + subject, schemaBody(TestSchemas.v1("Thing")));

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body().get("id").asInt()).isEqualTo(id);
    assertThat(found.body().get("version").asInt()).isEqualTo(1);
    assertThat(found.body().get("subject").asString()).isEqualTo(subject);
  }

  @Test
  void unknownThingsAnswerConfluentsErrorCodes() {
    register(subject, TestSchemas.v1("Thing"));

    assertError(http().get(versions("nobody-" + subject)), 404, 40401);
    assertError(http().get(versions(subject) + "/7"), 404, 40402);
    assertError(http().get("/schemas/ids/2147483647"), 404, 40403);
    assertError(
        http().post("/subjects/nobody-" + subject, schemaBody(TestSchemas.v1("Thing"))),
        404,
        40401);
    assertError(
        http().post("/subjects/" + subject, schemaBody(TestSchemas.v1("Other"))), 404, 40403);
    assertError(http().get(versions(subject) + "/zero"), 422, 42202);
  }

  @Test
  void schemaIdListsTheSubjectVersionsThatUseIt() {
    // given: a schema nobody else uses, as version 2 of one subject and version 1 of another
    String name = "Shared" + UUID.randomUUID().toString().replace("-", "");
    String other = subject + "-other";
    register(subject, TestSchemas.v1(name));
    int id = register(subject, TestSchemas.v2WithDefault(name));
    assertThat(register(other, TestSchemas.v2WithDefault(name))).isEqualTo(id);

    // when
    Response versions = http().get("/schemas/ids/" + id + "/versions");
    Response subjects = http().get("/schemas/ids/" + id + "/subjects");

    // then
    assertThat(versions.status()).isEqualTo(200);
    assertThat(versions.contentType()).startsWith(RegistryHttp.V1);
    assertThat(versions.body())
        .isEqualTo(
            JSON.readTree(
                """
                [{"subject": "%s", "version": 2}, {"subject": "%s", "version": 1}]
                """
                    .formatted(subject, other)));
    assertThat(subjects.status()).isEqualTo(200);
    assertThat(subjects.body()).isEqualTo(JSON.valueToTree(List.of(subject, other)));
  }

  @Test
  void unknownSchemaIdHasNoVersionsOrSubjects() {
    // given
    Response unknown = http().get("/schemas/ids/2147483647");

    // then: the same 40403 answer as the schema itself
    for (String path :
        List.of("/schemas/ids/2147483647/versions", "/schemas/ids/2147483647/subjects")) {
      Response answer = http().get(path);
      assertError(answer, 404, 40403);
      assertThat(answer.body()).as(path).isEqualTo(unknown.body());
    }
  }

  @Test
  void invalidSchemaIsRefusedWith422() {
    assertError(http().post(versions(subject), schemaBody("{\"type\": \"recrod\"}")), 422, 42201);
    assertError(
        http().post(versions(subject), schemaBody("{\"type\":\"record\",\"name\":\"X\"")),
        422,
        42201);
    assertError(
        http()
            .post(
                versions(subject),
                "{\"schema\": \"{\\\"type\\\": \\\"string\\\"}\", \"schemaType\": \"PROTOBUF\"}"),
        422,
        42201);
    assertThat(http().get(versions(subject)).status()).isEqualTo(404);
  }

  @Test
  void acceptsEveryConfluentContentType() {
    for (String contentType :
        List.of(
            "application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json",
            "application/json")) {
      Response answer =
          http().post(versions(subject), schemaBody(TestSchemas.v1("Thing")), contentType);
      assertThat(answer.status()).as(contentType).isEqualTo(200);
    }
  }

  @Test
  void compatibilityEndpointAnswersWithoutRegistering() {
    // given
    register(subject, TestSchemas.v1("Thing"));

    // when
    Response bad =
        http()
            .post(
                "/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                schemaBody(TestSchemas.withRequiredField("Thing")));
    Response good =
        http()
            .post(
                "/compatibility/subjects/" + subject + "/versions/latest",
                schemaBody(TestSchemas.v2WithDefault("Thing")));

    // then
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body().get("is_compatible").asBoolean()).isFalse();
    assertThat(bad.body().get("messages").toString())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(good.body().get("is_compatible").asBoolean()).isTrue();
    assertThat(good.body().has("messages")).isFalse();
    assertThat(http().get(versions(subject)).body().toString()).isEqualTo("[1]");
  }

  @Test
  void subjectLevelsOverrideTheGlobalDefault() {
    // given
    register(subject, TestSchemas.v1("Thing"));

    // then: BACKWARD by default, no subject level yet
    assertThat(http().get("/config").body().get("compatibilityLevel").asString())
        .isEqualTo("BACKWARD");
    assertError(http().get("/config/" + subject), 404, 40408);
    assertThat(
            http()
                .get("/config/" + subject + "?defaultToGlobal=true")
                .body()
                .get("compatibilityLevel")
                .asString())
        .isEqualTo("BACKWARD");

    // when: NONE for this subject
    Response set = http().put("/config/" + subject, "{\"compatibility\": \"none\"}");

    // then
    assertThat(set.body().get("compatibility").asString()).isEqualTo("NONE");
    assertThat(http().get("/config/" + subject).body().get("compatibilityLevel").asString())
        .isEqualTo("NONE");
    assertThat(
            http()
                .post(versions(subject), schemaBody(TestSchemas.withRequiredField("Thing")))
                .status())
        .isEqualTo(200);
    assertError(http().put("/config/" + subject, "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
  }

  @Test
  void forwardLevelChecksThatOldReadersReadTheNewSchema() {
    // given: FORWARD, v1 registered
    http().put("/config/" + subject, "{\"compatibility\": \"FORWARD\"}");
    register(subject, TestSchemas.withRequiredField("Thing"));

    // when: dropping the required field "count" breaks v1 readers, which need it
    Response refused = http().post(versions(subject), schemaBody(TestSchemas.v1("Thing")));

    // then
    assertThat(refused.status()).isEqualTo(409);
  }

  @Test
  void transitiveLevelChecksEveryEarlierVersion() {
    // given: v1 {id}, v2 {id, note?} under BACKWARD, then a v3 that only v2 data satisfies
    register(subject, TestSchemas.v1("Thing"));
    register(subject, TestSchemas.v2WithDefault("Thing"));
    String v3 =
        """
        {"type": "record", "name": "Thing", "namespace": "io.setsync.test",
         "fields": [{"name": "id", "type": "string"},
                    {"name": "note", "type": ["null", "string"]}]}
        """;
    // v3 drops the default of note: reading v2 data is fine, reading v1 data is not.
    http().put("/config/" + subject, "{\"compatibility\": \"BACKWARD_TRANSITIVE\"}");

    // then
    assertThat(http().post(versions(subject), schemaBody(v3)).status()).isEqualTo(409);
    http().put("/config/" + subject, "{\"compatibility\": \"BACKWARD\"}");
    assertThat(http().post(versions(subject), schemaBody(v3)).status()).isEqualTo(200);
  }

  @Test
  void globalLevelCanBeChanged() {
    try {
      assertThat(http().put("/config", "{\"compatibility\": \"FULL\"}").status()).isEqualTo(200);
      assertThat(http().get("/config").body().get("compatibilityLevel").asString())
          .isEqualTo("FULL");
    } finally {
      http().put("/config", "{\"compatibility\": \"BACKWARD\"}");
    }
  }

  @Test
  void concurrentRegistrationsOfOneSchemaGetOneIdAndOneVersion() {
    // given: a schema nobody registered yet
    String schema = TestSchemas.v1("Race" + UUID.randomUUID().toString().replace("-", ""));

    // when: 12 clients register it at once, half under one subject, half under their own
    List<CompletableFuture<Integer>> ids =
        IntStream.range(0, 12)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> register(i % 2 == 0 ? subject : subject + "-" + i, schema)))
            .toList();

    // then
    assertThat(ids.stream().map(CompletableFuture::join).distinct()).hasSize(1);
    assertThat(http().get(versions(subject)).body().toString()).isEqualTo("[1]");
  }

  @Test
  void ourClientWorksAgainstIt() {
    // given
    SchemaRegistryClient client = new SchemaRegistryClient(registryUrl());
    Schema v1 = new Schema.Parser().parse(TestSchemas.v1("Thing"));

    // when
    int id = client.register(subject, v1);
    RegisteredSchema found = new SchemaRegistryClient(registryUrl()).lookup(subject, v1);
    Schema byId = new SchemaRegistryClient(registryUrl()).schemaById(id);

    // then
    assertThat(found).isEqualTo(new RegisteredSchema(subject, id, 1, v1));
    assertThat(byId).isEqualTo(v1);
    Schema incompatible = new Schema.Parser().parse(TestSchemas.withRequiredField("Thing"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.register(subject, incompatible))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
  }

  private int register(String subject, String schema) {
    Response answer = http().post(versions(subject), schemaBody(schema));
    assertThat(answer.status()).as("registering in %s: %s", subject, answer.body()).isEqualTo(200);
    return answer.body().get("id").asInt();
  }

  private static String versions(String subject) {
    return "/subjects/" + subject + "/versions";
  }

  private static void assertError(Response response, int status, int errorCode) {
    assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith(RegistryHttp.V1);
    assertThat(response.body().get("error_code").asInt()).isEqualTo(errorCode);
    assertThat(response.body().get("message").asString()).isNotBlank();
  }
}
