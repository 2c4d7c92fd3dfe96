package io.setsync.worker.runtime;

/** Why a sync failed (contract section 5, {@code SyncFailed.errorCode}). */
public enum ErrorCode {
  NOT_FOUND(false),
  INVALID_REQUEST(false),
  UPSTREAM_UNAVAILABLE(true),
  UPSTREAM_RATE_LIMITED(true),
  UPSTREAM_AUTH(true),
  TIMED_OUT(true),
  INTERNAL(true);

  private final boolean retryableByDefault;

  ErrorCode(boolean retryableByDefault) {
    this.retryableByDefault = retryableByDefault;
  }

  /** Only a request that names nothing real, or is malformed, is pointless to retry. */
  public boolean retryableByDefault() {
    return retryableByDefault;
  }
}
