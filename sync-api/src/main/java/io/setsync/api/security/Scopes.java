package io.setsync.api.security;

import jakarta.servlet.http.HttpServletRequest;

/** The scopes of the {@code scope} claim and which call needs which. */
final class Scopes {

  static final String WRITE = "sync:write";
  static final String READ = "sync:read";
  static final String ADMIN = "sync:admin";

  private Scopes() {}

  static String authority(String scope) {
    return "SCOPE_" + scope;
  }

  static String requiredFor(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path.startsWith("/api/v1/backfills")) {
      return ADMIN;
    }
    return "POST".equals(request.getMethod()) ? WRITE : READ;
  }
}
