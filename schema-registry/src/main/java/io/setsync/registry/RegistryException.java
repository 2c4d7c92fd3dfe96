package io.setsync.registry;

import org.springframework.http.HttpStatus;

/** A refusal with the status and {@code error_code} the Confluent registry answers with. */
class RegistryException extends RuntimeException {

  private final HttpStatus status;
  private final int errorCode;

  RegistryException(HttpStatus status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  HttpStatus status() {
    return status;
  }

  int errorCode() {
    return errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(
        HttpStatus.NOT_FOUND, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String subject, int version) {
    return new RegistryException(
        HttpStatus.NOT_FOUND,
        40402,
        "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryException schemaNotFound(String detail) {
    return new RegistryException(HttpStatus.NOT_FOUND, 40403, "Schema " + detail + " not found.");
  }

  static RegistryException subjectLevelConfigNotFound(String subject) {
    return new RegistryException(
        HttpStatus.NOT_FOUND,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured.");
  }

  static RegistryException incompatible(String subject, Object details) {
    return new RegistryException(
        HttpStatus.CONFLICT,
        409,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject
            + "\", details: "
            + details);
  }

  static RegistryException invalidSchema(String detail) {
    return new RegistryException(
        HttpStatus.UNPROCESSABLE_CONTENT, 42201, "Invalid schema: " + detail);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(
        HttpStatus.UNPROCESSABLE_CONTENT,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(
        HttpStatus.UNPROCESSABLE_CONTENT,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are none, backward, forward, full, backward_transitive,"
            + " forward_transitive, and full_transitive");
  }
}
