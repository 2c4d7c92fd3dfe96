package io.setsync.upstream;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed upstream call, classified. {@link #retryable()} says whether trying again later can
 * succeed; {@link #retryAfter()} how long the upstream asked to wait, when it said.
 */
public class UpstreamException extends RuntimeException {

  private final String upstream;
  private final String endpoint;
  private final UpstreamErrorCode code;
  private final int httpStatus;
  private final boolean retryable;
  private final Duration retryAfter;

  public UpstreamException(
      String upstream,
      String endpoint,
      UpstreamErrorCode code,
      int httpStatus,
      boolean retryable,
      Duration retryAfter,
      String message,
      Throwable cause) {
    super(upstream + " " + endpoint + ": " + message, cause);
    this.upstream = upstream;
    this.endpoint = endpoint;
    this.code = code;
    this.httpStatus = httpStatus;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** An answer of {@code upstream} that did not parse as the JSON it should be: not retried. */
  public static UpstreamException notJson(String upstream, int httpStatus, Throwable cause) {
    return new UpstreamException(
        upstream,
        "parse",
        UpstreamErrorCode.INTERNAL,
        httpStatus,
        false,
        null,
        "answer is not JSON",
        cause);
  }

  /** "spotify", "spotify-accounts" or "ticketmaster". */
  public String upstream() {
    return upstream;
  }

  /** The logical endpoint, as in metrics: "artist", "top-tracks", "events", … */
  public String endpoint() {
    return endpoint;
  }

  public UpstreamErrorCode code() {
    return code;
  }

  /** The HTTP status answered, or 0 when none was (I/O failure, local rate limit, bad id). */
  public int httpStatus() {
    return httpStatus;
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
