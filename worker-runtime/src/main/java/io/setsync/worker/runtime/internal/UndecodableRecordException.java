package io.setsync.worker.runtime.internal;

/**
 * A record on a request topic that is not a usable {@code SyncRequested}. Fatal for the retry
 * topics: it goes straight to the dead-letter topic.
 */
class UndecodableRecordException extends RuntimeException {

  UndecodableRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
