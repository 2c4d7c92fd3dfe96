package io.setsync.launcher;

/** A start-up problem the user can fix; printed as one clear line, without a stack trace. */
final class LaunchException extends RuntimeException {

  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
