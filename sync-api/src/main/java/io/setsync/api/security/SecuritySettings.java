package io.setsync.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Authentication, CORS and rate-limit settings ({@code setsync.security.*}).
 *
 * @param jwt how bearer tokens are verified
 * @param corsAllowedOrigins origins of the frontend allowed to call the API from a browser
 * @param rateLimit per-client request rate, by token subject
 */
@Validated
@ConfigurationProperties("setsync.security")
record SecuritySettings(
    @Valid @NotNull @DefaultValue Jwt jwt,
    @DefaultValue List<String> corsAllowedOrigins,
    @Valid @NotNull @DefaultValue RateLimit rateLimit) {

  /**
   * @param secret the HS256 secret ({@code SETSYNC_JWT_SECRET}), at least 32 bytes
   * @param jwksUri the JWK set of RS256 keys ({@code SETSYNC_JWT_JWKS_URI})
   * @param issuer if set, the required {@code iss} claim
   * @param audience if set, a required {@code aud} value
   */
  record Jwt(
      @DefaultValue("") String secret,
      @DefaultValue("") String jwksUri,
      @DefaultValue("") String issuer,
      @DefaultValue("") String audience) {}

  /**
   * @param requestsPerSecond sustained requests a client may make per second
   * @param burst requests a client may make at once after being idle
   * @param idleEviction how long an idle client's bucket is kept
   */
  record RateLimit(
      @DefaultValue("50") @Min(1) int requestsPerSecond,
      @DefaultValue("100") @Min(1) int burst,
      @DefaultValue("10m") @NotNull Duration idleEviction) {}
}
