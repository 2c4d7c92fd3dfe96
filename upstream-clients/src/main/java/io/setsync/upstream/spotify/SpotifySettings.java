package io.setsync.upstream.spotify;

import io.setsync.upstream.http.RateLimitSettings;
import io.setsync.upstream.http.RetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Spotify Web API settings, {@code setsync.spotify.*}. URLs and credentials default to the local
 * simulator and come from {@code SPOTIFY_API_URL}, {@code SPOTIFY_ACCOUNTS_URL}, {@code
 * SPOTIFY_CLIENT_ID} and {@code SPOTIFY_CLIENT_SECRET}.
 *
 * @param apiUrl base of the Web API, without {@code /v1} (Spotify: https://api.spotify.com)
 * @param accountsUrl base of the accounts service (Spotify: https://accounts.spotify.com)
 * @param market the market top tracks and albums are asked for
 * @param tokenRefreshMargin how long before expiry a token is replaced
 * @param removedEndpointRecheck how long an endpoint answering 403 (Development Mode) is left alone
 *     before it is tried again
 * @param etagCacheSize how many answers are kept for conditional requests
 */
@Validated
@ConfigurationProperties("setsync.spotify")
public record SpotifySettings(
    @NotNull URI apiUrl,
    @NotNull URI accountsUrl,
    @NotBlank String clientId,
    @NotBlank String clientSecret,
    @NotNull @Pattern(regexp = "[A-Z]{2}") String market,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout,
    @NotNull Duration tokenRefreshMargin,
    @NotNull Duration removedEndpointRecheck,
    @Min(1) int etagCacheSize,
    @Valid @NotNull RetrySettings retry,
    @Valid @NotNull RateLimitSettings rateLimit) {

  static final String LOCAL_CLIENT_ID = "setsync-local";
  static final String LOCAL_CLIENT_SECRET = "setsync-local-secret";

  /** The local defaults must not reach the real Spotify: fail at start-up instead of with 400s. */
  @AssertTrue(
      message =
          "SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET must be set to real credentials when the"
              + " Spotify URLs point at spotify.com")
  public boolean isUsingRealCredentialsForSpotify() {
    boolean real = isSpotifyHost(apiUrl) || isSpotifyHost(accountsUrl);
    return !real || !(LOCAL_CLIENT_ID.equals(clientId) || LOCAL_CLIENT_SECRET.equals(clientSecret));
  }

  private static boolean isSpotifyHost(URI uri) {
    String host = uri == null ? null : uri.getHost();
    return host != null && (host.equals("spotify.com") || host.endsWith(".spotify.com"));
  }

  @Override
  public String toString() {
    return "SpotifySettings[apiUrl="
        + apiUrl
        + ", accountsUrl="
        + accountsUrl
        + ", clientId="
        + clientId
        + ", clientSecret=(hidden), market="
        + market
        + ", retry="
        + retry
        + ", rateLimit="
        + rateLimit
        + "]";
  }
}
