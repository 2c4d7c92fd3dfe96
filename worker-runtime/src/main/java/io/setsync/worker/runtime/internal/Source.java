package io.setsync.worker.runtime.internal;

import java.util.Locale;

/** Where a delivery came from; a metric tag. */
enum Source {
  REQUESTED,
  REPLAY,
  RETRY;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
