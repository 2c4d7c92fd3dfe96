package io.setsync.worker.runtime;

import java.util.Objects;

/**
 * What a handler fetched for one request outside any transaction: the value to store, or why it
 * could not.
 */
public record Fetched<T>(SyncRequest request, T value, SyncFailure failure) {

  public Fetched {
    Objects.requireNonNull(request, "request");
    if ((value == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of value and failure must be set");
    }
  }

  public static <T> Fetched<T> of(SyncRequest request, T value) {
    return new Fetched<>(request, value, null);
  }

  public static <T> Fetched<T> failed(SyncRequest request, SyncFailure failure) {
    return new Fetched<>(request, null, failure);
  }

  public boolean succeeded() {
    return failure == null;
  }
}
