package io.setsync.worker.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A sync that did not succeed: the contract's error code and whether another attempt may succeed.
 * Handlers throw it, or return it in {@link Fetched#failed} / {@link SyncResult#failed}; the
 * runtime turns it into {@code SyncFailed} and, when retryable, a retry.
 */
public class SyncFailure extends RuntimeException {

  private final ErrorCode code;
  private final boolean retryable;
  private final Duration retryAfter;

  public SyncFailure(ErrorCode code, String message) {
    this(code, message, code.retryableByDefault(), null);
  }

  public SyncFailure(ErrorCode code, String message, Throwable cause) {
    this(code, message, code.retryableByDefault(), cause);
  }

  public SyncFailure(ErrorCode code, String message, boolean retryable, Throwable cause) {
    this(code, message, retryable, null, cause);
  }

  /**
   * @param retryAfter how long the upstream asked to wait before trying again (a 429's {@code
   *     Retry-After}), or null: the next attempt is not made sooner
   */
  public SyncFailure(
      ErrorCode code, String message, boolean retryable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public ErrorCode code() {
    return code;
  }

  public boolean retryable() {
    return retryable;
  }

  /** How long the upstream asked to wait before the next attempt, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The failure a throwable stands for: the first {@code SyncFailure} in its cause chain, else an
   * {@link ErrorCode#INTERNAL} one, retryable, since an unexpected error may well be transient and
   * a bounded number of retries ends in the dead-letter topic anyway.
   */
  public static SyncFailure of(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof SyncFailure failure) {
        return failure;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String message = throwable.getMessage() == null ? throwable.toString() : throwable.getMessage();
    return new SyncFailure(ErrorCode.INTERNAL, message, true, throwable);
  }
}
