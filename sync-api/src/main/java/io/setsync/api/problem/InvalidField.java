package io.setsync.api.problem;

/**
 * One entry of the {@code errors} of a 400 problem: the request field a client should change, or
 * null when the error concerns the body as a whole (such as a request naming no identifier).
 */
public record InvalidField(String field, String message) {

  /** An error of the body as a whole, which no single field can fix. */
  public static InvalidField ofBody(String message) {
    return new InvalidField(null, message);
  }
}
