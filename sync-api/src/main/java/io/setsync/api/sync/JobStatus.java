package io.setsync.api.sync;

import java.util.Arrays;

/** A sync job's status, as {@code sync_jobs.status} stores it and the API shows it. */
public enum JobStatus {
  QUEUED("queued"),
  RUNNING("running"),
  COMPLETED("completed"),
  FAILED("failed");

  private final String value;

  JobStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED;
  }

  public static JobStatus of(String value) {
    return Arrays.stream(values())
        .filter(status -> status.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown job status " + value));
  }
}
