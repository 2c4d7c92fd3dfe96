package io.setsync.upstream.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTests {

  @ParameterizedTest
  @CsvSource({
    "400, INVALID_REQUEST, false",
    "401, UPSTREAM_AUTH, false",
    "403, UPSTREAM_AUTH, false",
    "404, NOT_FOUND, false",
    "408, TIMED_OUT, true",
    "409, INVALID_REQUEST, false",
    "429, UPSTREAM_RATE_LIMITED, true",
    "500, UPSTREAM_UNAVAILABLE, true",
    "502, UPSTREAM_UNAVAILABLE, true",
    "503, UPSTREAM_UNAVAILABLE, true",
    "504, TIMED_OUT, true"
  })
  void classifiesStatuses(int status, UpstreamErrorCode code, boolean retryable) {
    UpstreamException failure =
        FailureClassifier.classify("spotify", "artist", status, new byte[0], null);

    assertThat(failure.code()).isEqualTo(code);
    assertThat(failure.retryable()).isEqualTo(retryable);
    assertThat(failure.httpStatus()).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"error\":{\"status\":404,\"message\":\"non existing id\"}}|non existing id",
        "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client\"}|Invalid client",
        "{\"fault\":{\"faultstring\":\"Invalid ApiKey\",\"detail\":{}}}|Invalid ApiKey",
        "{\"errors\":[{\"code\":\"DIS1004\",\"detail\":\"Resource not found\"}]}|Resource not found",
        "<html>Bad Gateway</html>|<html>Bad Gateway</html>"
      })
  void quotesTheUpstreamsOwnWords(String body, String message) {
    assertThat(FailureClassifier.message(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(message);
  }
}
