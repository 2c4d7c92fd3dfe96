package io.setsync.upstream.ticketmaster;

import io.setsync.upstream.http.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Ticketmaster's {@code apikey} query parameter. It is added to the request only, so the URIs in
 * logs, metrics and the ETag cache never carry it.
 */
final class ApiKey implements Credentials {

  private final String parameter;

  ApiKey(String key) {
    this.parameter = "apikey=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  @Override
  public String apply(URI uri, HttpRequest.Builder request) {
    String separator = uri.getRawQuery() == null ? "?" : "&";
    request.uri(URI.create(uri + separator + parameter));
    return "";
  }

  @Override
  public String toString() {
    return "ApiKey[(hidden)]";
  }
}
