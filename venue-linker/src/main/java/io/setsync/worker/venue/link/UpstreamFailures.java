package io.setsync.worker.venue.link;

import io.setsync.upstream.UpstreamException;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.SyncFailure;

/** An upstream client's failure as the runtime reports it: the codes map one to one. */
final class UpstreamFailures {

  private UpstreamFailures() {}

  static SyncFailure of(UpstreamException e) {
    return new SyncFailure(
        ErrorCode.valueOf(e.code().name()),
        e.getMessage(),
        e.retryable(),
        e.retryAfter().orElse(null),
        e);
  }
}
