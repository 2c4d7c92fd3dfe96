package io.setsync.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens the decoder verified, so that a client's next request with the same token
 * skips parsing and the signature check (a tenth of the request threads' CPU samples of a POST);
 * the claim validators (expiry, {@code nbf}, subject, issuer, audience) still run on every request,
 * and a token that fails them goes through the full decoder again, which refuses it with its usual
 * error. An entry lives at most {@code maxAge}: a key removed from the JWK set stops being accepted
 * within that time.
 */
final class VerifiedTokenCache implements JwtDecoder {

  private final JwtDecoder decoder;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Cache<String, Jwt> verified;

  VerifiedTokenCache(
      JwtDecoder decoder,
      OAuth2TokenValidator<Jwt> validator,
      long maxTokens,
      Duration maxAge,
      MeterRegistry meters) {
    this.decoder = decoder;
    this.validator = validator;
    this.verified =
        Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(maxAge).recordStats().build();
    CaffeineCacheMetrics.monitor(meters, verified, "verified-tokens");
  }

  @Override
  public Jwt decode(String token) {
    Jwt known = verified.getIfPresent(token);
    if (known != null && !validator.validate(known).hasErrors()) {
      return known;
    }
    if (known != null) {
      verified.invalidate(token);
    }
    Jwt jwt = decoder.decode(token);
    verified.put(token, jwt);
    return jwt;
  }
}
