package io.setsync.upstream;

/**
 * Why an upstream call failed, in the contract's {@code SyncFailed.errorCode} terms; workers map
 * these one to one onto the Avro enum.
 */
public enum UpstreamErrorCode {
  /** The entity does not exist upstream (404). */
  NOT_FOUND,
  /** The request was refused as malformed (400, other 4xx), or an id was ill-formed. */
  INVALID_REQUEST,
  /** 5xx or the connection failed. */
  UPSTREAM_UNAVAILABLE,
  /** 429, or the client's own limiter could not get a permit in time. */
  UPSTREAM_RATE_LIMITED,
  /** Credentials were rejected (401, 403, token endpoint refusal). */
  UPSTREAM_AUTH,
  /** No answer within the read timeout, or 408/504. */
  TIMED_OUT,
  /** The answer could not be understood, or the call was interrupted. */
  INTERNAL
}
