package io.setsync.upstream.http;

import java.util.Arrays;

/**
 * A successful answer. {@code notModified} means the upstream answered 304 to a conditional
 * request, and {@code body} is the copy from when the ETag was seen.
 */
public record UpstreamResponse(int status, byte[] body, boolean notModified) {

  @Override
  public boolean equals(Object other) {
    return other instanceof UpstreamResponse that
        && status == that.status
        && notModified == that.notModified
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + Boolean.hashCode(notModified)) + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "UpstreamResponse[status="
        + status
        + ", bytes="
        + body.length
        + ", notModified="
        + notModified
        + "]";
  }
}
