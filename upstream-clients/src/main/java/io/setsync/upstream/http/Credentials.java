package io.setsync.upstream.http;

import java.net.URI;
import java.net.http.HttpRequest;

/** How an upstream wants to be told who calls: a header, a query parameter, or nothing. */
public interface Credentials {

  Credentials NONE =
      (uri, request) -> {
        request.uri(uri);
        return "";
      };

  /**
   * Sets the request's URI (with any credential parameter) and headers.
   *
   * @return a tag naming the credential used, handed back to {@link #renew} if it is rejected
   */
  String apply(URI uri, HttpRequest.Builder request);

  /**
   * Called on a 401. Returns true when fresh credentials may fix it, and the request is then sent
   * once more.
   */
  default boolean renew(String rejectedTag) {
    return false;
  }
}
