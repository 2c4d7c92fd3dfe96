package io.setsync.upstream.http;

import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns an error status into the contract's error code, and says whether a retry can help. */
final class FailureClassifier {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int MAX_MESSAGE = 300;

  private FailureClassifier() {}

  static UpstreamException classify(
      String upstream, String endpoint, int status, byte[] body, Duration retryAfter) {
    UpstreamErrorCode code;
    boolean retryable;
    if (status == 429) {
      code = UpstreamErrorCode.UPSTREAM_RATE_LIMITED;
      retryable = true;
    } else if (status == 408 || status == 504) {
      code = UpstreamErrorCode.TIMED_OUT;
      retryable = true;
    } else if (status >= 500) {
      code = UpstreamErrorCode.UPSTREAM_UNAVAILABLE;
      retryable = true;
    } else if (status == 404) {
      code = UpstreamErrorCode.NOT_FOUND;
      retryable = false;
    } else if (status == 401 || status == 403) {
      code = UpstreamErrorCode.UPSTREAM_AUTH;
      retryable = false;
    } else {
      code = UpstreamErrorCode.INVALID_REQUEST;
      retryable = false;
    }
    return new UpstreamException(
        upstream,
        endpoint,
        code,
        status,
        retryable,
        retryAfter,
        status + " " + message(body),
        null);
  }

  /**
   * The upstream's own words: Spotify's {@code error.message} or OAuth {@code error_description},
   * Ticketmaster's {@code fault.faultstring} or {@code errors[0].detail}.
   */
  static String message(byte[] body) {
    if (body == null || body.length == 0) {
      return "(no body)";
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      for (JsonNode candidate :
          new JsonNode[] {
            root.path("error").path("message"),
            root.path("error_description"),
            root.path("fault").path("faultstring"),
            root.path("errors").path(0).path("detail"),
            root.path("error")
          }) {
        if (candidate.isString()) {
          return truncate(candidate.asString());
        }
      }
    } catch (RuntimeException notJson) {
      // fall through to the raw text
    }
    return truncate(new String(body, StandardCharsets.UTF_8));
  }

  private static String truncate(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }
}
