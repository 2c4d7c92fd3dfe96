package io.setsync.upstream.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds an upstream URI from a base, path segments and query parameters, all encoded. */
public final class UpstreamUri {

  private final StringBuilder text;
  private boolean hasQuery;

  private UpstreamUri(URI base) {
    String root = base.toString();
    this.text = new StringBuilder(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
  }

  public static UpstreamUri of(URI base) {
    return new UpstreamUri(base);
  }

  /** Appends a literal path, such as {@code /v1/artists}. */
  public UpstreamUri path(String literal) {
    text.append(literal);
    return this;
  }

  /** Appends {@code /} and an encoded path segment, such as an id. */
  public UpstreamUri segment(String value) {
    text.append('/').append(encode(value).replace("+", "%20"));
    return this;
  }

  /** Adds a query parameter; null values are left out. */
  public UpstreamUri param(String name, Object value) {
    if (value != null) {
      text.append(hasQuery ? '&' : '?').append(encode(name)).append('=');
      text.append(encode(value.toString()));
      hasQuery = true;
    }
    return this;
  }

  public URI build() {
    return URI.create(text.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
