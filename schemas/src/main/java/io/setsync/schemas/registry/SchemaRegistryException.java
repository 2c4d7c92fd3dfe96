package io.setsync.schemas.registry;

/**
 * The schema registry refused a request or could not be reached. {@link #errorCode()} is the
 * registry's {@code error_code} (e.g. 40401 subject not found, 40403 schema not found, 409
 * incompatible, 42201 invalid schema), or -1 when there was no registry answer.
 */
public class SchemaRegistryException extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = -1;
    this.errorCode = -1;
  }

  /** The HTTP status of the answer, or -1 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code}, or -1 when there was none. */
  public int errorCode() {
    return errorCode;
  }
}
