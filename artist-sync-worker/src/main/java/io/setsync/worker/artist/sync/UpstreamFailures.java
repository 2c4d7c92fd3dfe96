package io.setsync.worker.artist.sync;

import io.setsync.upstream.UpstreamException;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.SyncFailure;

/** An upstream client's failure in the contract's terms: same codes, same retryability. */
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
