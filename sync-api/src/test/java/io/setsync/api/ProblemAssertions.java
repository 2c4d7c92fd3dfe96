package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks of problem answers, and of the {@code errors} and {@code detail} of a 400 problem. */
final class ProblemAssertions {

  private ProblemAssertions() {}

  /** An RFC 9457 problem of this status and type, without a trace of the server's internals. */
  static void assertProblem(ApiClient.Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.path("type").asString()).isEqualTo("https://setsync.io/problems/" + type);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(answer.text()).doesNotContain("Exception", "\tat ", "trace");
  }

  /** The {@code field} of each of the answer's {@code errors}, which must be present, or null. */
  static List<String> errorFields(ApiClient.Answer answer) {
    List<String> fields = new ArrayList<>();
    for (JsonNode error : answer.json().path("errors")) {
      assertThat(error.has("field")).as(answer.text()).isTrue();
      assertThat(error.path("message").asString()).as(answer.text()).isNotBlank();
      fields.add(error.get("field").isNull() ? null : error.get("field").asString());
    }
    return fields;
  }

  /** The detail names the errors by their fields and messages, never by validator methods. */
  static void assertReadableDetail(ApiClient.Answer answer) {
    String detail = answer.json().path("detail").asString();
    assertThat(detail)
        .as(answer.text())
        .doesNotContainIgnoringCase("identified")
        .doesNotContain("ForArtist", "GivenFor", "InRange");
    for (JsonNode error : answer.json().path("errors")) {
      assertThat(detail).contains(error.path("message").asString());
    }
  }
}
