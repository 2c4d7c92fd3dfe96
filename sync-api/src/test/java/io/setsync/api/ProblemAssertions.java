package io.setsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks of the {@code errors} and {@code detail} of a 400 problem. */
final class ProblemAssertions {

  private ProblemAssertions() {}

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
