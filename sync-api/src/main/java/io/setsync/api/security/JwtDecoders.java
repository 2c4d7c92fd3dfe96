package io.setsync.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the API's {@link JwtDecoder}: HS256 with the shared secret and/or RS256 with keys from a
 * JWK set (Supabase issues both kinds), chosen by the token's {@code alg} header. Unsigned ({@code
 * alg: none}) tokens and any other algorithm are refused; expiry, {@code nbf}, a subject and, if
 * configured, issuer and audience are checked. Verified tokens are remembered for a while: see
 * {@link VerifiedTokenCache}.
 */
final class JwtDecoders {

  /** The well-known secret of local mode (contract section 3): never accepted elsewhere. */
  static final String LOCAL_DEV_SECRET = "setsync-local-dev-secret-change-me-0123456789";

  private static final int MIN_SECRET_BYTES = 32;

  private JwtDecoders() {}

  /** How many verified tokens are remembered, and for how long at most. */
  static final long CACHED_TOKENS = 10_000;

  static final Duration CACHED_TOKEN_MAX_AGE = Duration.ofMinutes(5);

  static JwtDecoder create(
      SecuritySettings.Jwt settings, LocalMode localMode, MeterRegistry meters) {
    String secret = settings.secret().strip();
    String jwksUri = settings.jwksUri().strip();
    if (secret.isEmpty() && jwksUri.isEmpty() && localMode.enabled()) {
      secret = LOCAL_DEV_SECRET;
    }
    if (secret.equals(LOCAL_DEV_SECRET) && !localMode.enabled()) {
      throw new InvalidJwtSettingsException(
          "SETSYNC_JWT_SECRET is the public local dev secret, which only local mode accepts.",
          "Set SETSYNC_JWT_SECRET to a secret of your own, or run in local mode"
              + " (SETSYNC_MODE=local or the Spring profile 'local').");
    }
    if (secret.isEmpty() && jwksUri.isEmpty()) {
      throw new InvalidJwtSettingsException(
          "No way to verify bearer tokens is configured.",
          "Set SETSYNC_JWT_SECRET (HS256) and/or SETSYNC_JWT_JWKS_URI (RS256).");
    }
    if (!secret.isEmpty() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new InvalidJwtSettingsException(
          "SETSYNC_JWT_SECRET is shorter than the " + MIN_SECRET_BYTES + " bytes HS256 needs.",
          "Set SETSYNC_JWT_SECRET to a random secret of at least " + MIN_SECRET_BYTES + " bytes.");
    }
    OAuth2TokenValidator<Jwt> validator = validator(settings);
    JwtDecoder hmac = null;
    if (!secret.isEmpty()) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withSecretKey(
                  new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
              .macAlgorithm(MacAlgorithm.HS256)
              .build();
      decoder.setJwtValidator(validator);
      hmac = decoder;
    }
    JwtDecoder rsa = null;
    if (!jwksUri.isEmpty()) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withJwkSetUri(jwksUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
      decoder.setJwtValidator(validator);
      rsa = decoder;
    }
    return new VerifiedTokenCache(
        new ByAlgorithm(hmac, rsa), validator, CACHED_TOKENS, CACHED_TOKEN_MAX_AGE, meters);
  }

  private static OAuth2TokenValidator<Jwt> validator(SecuritySettings.Jwt settings) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        settings.issuer().isBlank()
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(settings.issuer().strip()));
    validators.add(
        new JwtClaimValidator<String>(
            JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
    if (!settings.audience().isBlank()) {
      String audience = settings.audience().strip();
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(audience)));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  /** Hands the token to the decoder of its algorithm; there is no fallback to another one. */
  private record ByAlgorithm(JwtDecoder hmac, JwtDecoder rsa) implements JwtDecoder {

    @Override
    public Jwt decode(String token) {
      JWT parsed;
      try {
        parsed = JWTParser.parse(token);
      } catch (ParseException e) {
        throw new BadJwtException("Malformed token", e);
      }
      if (!(parsed instanceof SignedJWT signed)) {
        throw new BadJwtException("Unsigned tokens are not accepted");
      }
      JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
      if (JWSAlgorithm.HS256.equals(algorithm) && hmac != null) {
        return hmac.decode(token);
      }
      if (JWSAlgorithm.RS256.equals(algorithm) && rsa != null) {
        return rsa.decode(token);
      }
      throw new BadJwtException("Tokens signed with " + algorithm + " are not accepted");
    }
  }
}
