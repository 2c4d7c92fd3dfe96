package io.setsync.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types of the API (RFC 9457 {@code type} and {@code title}). Clients switch on
 * {@code type}; the titles never change either, only the {@code detail}.
 */
public enum ProblemType {
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
  ENTITY_NOT_FOUND(HttpStatus.NOT_FOUND, "entity-not-found", "Entity not found"),
  SYNC_NOT_FOUND(HttpStatus.NOT_FOUND, "sync-not-found", "Sync not found"),
  BACKFILL_NOT_FOUND(HttpStatus.NOT_FOUND, "backfill-not-found", "Backfill not found"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
  IDEMPOTENCY_KEY_REUSED(
      HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

  /** Every problem type URI starts with this. */
  public static final String BASE_URI = "https://setsync.io/problems/";

  private final HttpStatus status;
  private final URI type;
  private final String title;

  ProblemType(HttpStatus status, String slug, String title) {
    this.status = status;
    this.type = URI.create(BASE_URI + slug);
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** The generic type of an HTTP error status that has no more specific one. */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 400 -> INVALID_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> IDEMPOTENCY_KEY_REUSED;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL;
    };
  }
}
