package io.setsync.upstream.spotify;

import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import io.setsync.upstream.http.Credentials;
import io.setsync.upstream.http.UpstreamHttp;
import io.setsync.upstream.http.UpstreamResponse;
import io.setsync.upstream.http.UpstreamUri;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client-credentials access tokens: fetched on first use, kept until shortly before they expire,
 * replaced by one caller while the others wait for it, and dropped when Spotify rejects them.
 */
final class SpotifyTokens implements Credentials {

  private record AccessToken(String value, Instant refreshAt) {}

  private final UpstreamHttp accounts;
  private final URI tokenUri;
  private final String basicAuthorization;
  private final Duration refreshMargin;
  private final Clock clock;
  private final JsonMapper mapper;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile AccessToken current;

  SpotifyTokens(UpstreamHttp accounts, SpotifySettings settings, Clock clock, JsonMapper mapper) {
    this.accounts = accounts;
    this.tokenUri = UpstreamUri.of(settings.accountsUrl()).path("/api/token").build();
    this.basicAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.clientId() + ":" + settings.clientSecret())
                        .getBytes(StandardCharsets.UTF_8));
    this.refreshMargin = settings.tokenRefreshMargin();
    this.clock = clock;
    this.mapper = mapper;
  }

  @Override
  public String apply(URI uri, HttpRequest.Builder request) {
    String token = token();
    request.uri(uri).header("Authorization", "Bearer " + token);
    return token;
  }

  @Override
  public boolean renew(String rejectedToken) {
    refreshing.lock();
    try {
      AccessToken token = current;
      if (token != null && token.value().equals(rejectedToken)) {
        current = null;
      }
      return true;
    } finally {
      refreshing.unlock();
    }
  }

  String token() {
    AccessToken token = current;
    if (token != null && clock.instant().isBefore(token.refreshAt())) {
      return token.value();
    }
    refreshing.lock();
    try {
      token = current;
      if (token == null || !clock.instant().isBefore(token.refreshAt())) {
        token = fetch();
        current = token;
      }
      return token.value();
    } finally {
      refreshing.unlock();
    }
  }

  private AccessToken fetch() {
    UpstreamResponse response;
    try {
      response =
          accounts.postForm(
              "token",
              tokenUri,
              "grant_type=client_credentials",
              Map.of(
                  "Authorization",
                  basicAuthorization,
                  "Content-Type",
                  "application/x-www-form-urlencoded"));
    } catch (UpstreamException e) {
      if (e.httpStatus() >= 400 && e.httpStatus() < 500 && e.httpStatus() != 429) {
        throw new UpstreamException(
            e.upstream(),
            e.endpoint(),
            UpstreamErrorCode.UPSTREAM_AUTH,
            e.httpStatus(),
            false,
            null,
            "client credentials refused: " + e.getMessage(),
            e);
      }
      throw e;
    }
    JsonNode body;
    try {
      body = mapper.readTree(response.body());
    } catch (JacksonException e) {
      body = mapper.createObjectNode();
    }
    JsonNode value = body.get("access_token");
    if (value == null || !value.isString()) {
      throw new UpstreamException(
          "spotify-accounts",
          "token",
          UpstreamErrorCode.INTERNAL,
          response.status(),
          false,
          null,
          "token answer without access_token",
          null);
    }
    Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(3600));
    Duration keep = lifetime.minus(refreshMargin);
    if (keep.compareTo(lifetime.dividedBy(2)) < 0) {
      keep = lifetime.dividedBy(2);
    }
    return new AccessToken(value.asString(), clock.instant().plus(keep));
  }

  @Override
  public String toString() {
    return "SpotifyTokens[" + tokenUri + "]";
  }
}
