package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Requests refused before the API sees them, by Tomcat's parser or Spring Security's firewall, are
 * answered as 400 problems like any other bad input, not as an HTML page or a 500.
 */
class RejectedRequestsIntegrationTests extends SyncApiIntegrationTest {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, DB);
  }

  @Test
  void refusesAnIdempotencyKeyTheFirewallRejectsWith400AndChangesNothing() {
    // given
    String spotifyId = ApiClient.newSpotifyId();

    // when
    ApiClient.Answer answer = postSync("ключ".getBytes(StandardCharsets.UTF_8), spotifyId);

    // then
    assertProblem(answer);
    assertThat(answer.json().path("detail").asString()).contains("header");
    assertThat(answer.text()).doesNotContain("ключ");
    assertThat(artistsWithSpotifyId(spotifyId)).isZero();
  }

  static Stream<Arguments> pathsTheFirewallRejects() {
    return Stream.of(
        Arguments.of("/api/v1/syncs/" + UUID.randomUUID() + ";jsessionid=x"),
        Arguments.of("/api/v1//syncs/" + UUID.randomUUID()),
        Arguments.of("/api/v1/syncs/a%25b"),
        Arguments.of("/api/v1/syncs/%2e%2e"));
  }

  @ParameterizedTest
  @MethodSource("pathsTheFirewallRejects")
  void answersAPathTheFirewallRejectsWith400(String path) {
    ApiClient.Answer answer = rawHttp().get(path, TestTokens.valid());

    assertProblem(answer);
    assertThat(answer.json().path("detail").asString()).contains("URL");
  }

  @Test
  void answersAMethodAndAnAuthorizationValueTheFirewallRejectsWith400() {
    ApiClient.Answer method =
        rawHttp()
            .send(
                List.of(
                    RawHttp.ascii("FOO /api/v1/syncs HTTP/1.1"),
                    RawHttp.ascii("Host: localhost:" + port),
                    RawHttp.ascii("Connection: close")),
                new byte[0]);
    ApiClient.Answer authorization =
        rawHttp()
            .send(
                List.of(
                    RawHttp.ascii("GET /api/v1/syncs/" + UUID.randomUUID() + " HTTP/1.1"),
                    RawHttp.ascii("Host: localhost:" + port),
                    ("Authorization: Bearer ключ").getBytes(StandardCharsets.UTF_8),
                    RawHttp.ascii("Connection: close")),
                new byte[0]);

    assertProblem(method);
    assertThat(method.json().path("detail").asString()).contains("method");
    assertProblem(authorization);
    assertThat(authorization.json().path("detail").asString()).contains("header");
  }

  static Stream<Arguments> requestTargetsTomcatRejects() {
    return Stream.of(
        Arguments.of("/api/v1/syncs/%ZZ"),
        Arguments.of("/api/v1/syncs/a%2Fb"),
        Arguments.of("/api/v1/syncs/%00"),
        Arguments.of("/api/v1/syncs/..%2f"),
        Arguments.of("/api/v1/syncs/a%5Cb"),
        Arguments.of("/api/v1/syncs/{id}"),
        // the raw UTF-8 bytes of a Cyrillic letter
        Arguments.of(
            "/api/v1/syncs/"
                + new String("ю".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
  }

  @ParameterizedTest
  @MethodSource("requestTargetsTomcatRejects")
  void answersARequestTargetTomcatRejectsWith400Problem(String target) {
    ApiClient.Answer answer = rawHttp().get(target, TestTokens.valid());

    assertProblem(answer);
  }

  @Test
  void answersAHeaderWithAControlByteWith400Problem() {
    ApiClient.Answer answer = postSync(new byte[] {'k', 0x7f, 'y'}, ApiClient.newSpotifyId());

    assertProblem(answer);
  }

  @Test
  void keepsAnsweringWellFormedRequests() {
    ApiClient.Answer accepted =
        postSync(RawHttp.ascii("key-" + UUID.randomUUID()), ApiClient.newSpotifyId());
    ApiClient.Answer withoutToken = rawHttp().get("/api/v1/syncs/" + UUID.randomUUID(), null);
    ApiClient.Answer unknownSync =
        rawHttp().get("/api/v1/syncs/" + UUID.randomUUID(), TestTokens.valid());

    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    assertThat(accepted.contentType()).startsWith("application/json");
    assertThat(withoutToken.status()).isEqualTo(401);
    assertThat(withoutToken.json().path("type").asString()).endsWith("/unauthorized");
    assertThat(unknownSync.status()).isEqualTo(404);
    assertThat(unknownSync.json().path("type").asString()).endsWith("/sync-not-found");
  }

  private RawHttp rawHttp() {
    return new RawHttp(port);
  }

  /** {@code POST /api/v1/syncs} of an artist, with the Idempotency-Key's bytes as given. */
  private ApiClient.Answer postSync(byte[] idempotencyKey, String spotifyId) {
    byte[] body = ApiClient.artistBySpotifyId(spotifyId).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream keyLine = new ByteArrayOutputStream();
    keyLine.writeBytes(RawHttp.ascii("Idempotency-Key: "));
    keyLine.writeBytes(idempotencyKey);
    return rawHttp()
        .send(
            List.of(
                RawHttp.ascii("POST /api/v1/syncs HTTP/1.1"),
                RawHttp.ascii("Host: localhost:" + port),
                RawHttp.ascii("Authorization: Bearer " + TestTokens.valid()),
                RawHttp.ascii("Content-Type: application/json"),
                keyLine.toByteArray(),
                RawHttp.ascii("Content-Length: " + body.length),
                RawHttp.ascii("Connection: close")),
            body);
  }

  private static void assertProblem(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.contentType()).as(answer.text()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.path("type").asString())
        .isEqualTo("https://setsync.io/problems/invalid-request");
    assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(answer.text()).doesNotContain("Exception", "\tat ", "trace", "Tomcat", "<html");
    assertThat(answer.header("Server")).isNull();
  }
}
