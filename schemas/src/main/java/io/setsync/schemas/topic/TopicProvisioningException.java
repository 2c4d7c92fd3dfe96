package io.setsync.schemas.topic;

/** Topics could not be created, or did not become ready in time. */
public class TopicProvisioningException extends RuntimeException {

  public TopicProvisioningException(String message) {
    super(message);
  }

  public TopicProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
