package io.setsync.api.problem;

/** A failure the API answers with a problem of a known type; the message is the detail. */
public class ApiException extends RuntimeException {

  private final ProblemType type;

  public ApiException(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }
}
