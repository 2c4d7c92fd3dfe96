package io.setsync.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Bearer tokens for tests, signed as Supabase or the local launcher would sign them. */
public final class TestTokens {

  /** The HS256 secret test contexts run with; not the local dev secret. */
  public static final String SECRET = "sync-api-test-secret-0123456789-abcdefghijklmnop";

  public static final String ALL_SCOPES = "sync:write sync:read sync:admin";

  private TestTokens() {}

  /** A valid token of a new client (subject) with all scopes. */
  public static String valid() {
    return withScope(ALL_SCOPES);
  }

  public static String withScope(String scope) {
    return forSubject("client-" + UUID.randomUUID(), scope);
  }

  public static String forSubject(String subject, String scope) {
    return signed(SECRET, claims(subject, scope, Instant.now().plus(Duration.ofMinutes(10))));
  }

  public static String withoutScope() {
    Instant now = Instant.now();
    return signed(
        SECRET,
        new JWTClaimsSet.Builder()
            .subject("client-" + UUID.randomUUID())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
            .build());
  }

  public static String expired() {
    return signed(
        SECRET,
        claims(
            "client-" + UUID.randomUUID(), ALL_SCOPES, Instant.now().minus(Duration.ofHours(1))));
  }

  public static String wrongSignature() {
    return signed(
        "another-secret-of-the-same-length-0123456789-abcdef",
        claims("client-" + UUID.randomUUID(), ALL_SCOPES, Instant.now().plusSeconds(600)));
  }

  public static String algNone() {
    return new PlainJWT(
            claims("client-" + UUID.randomUUID(), ALL_SCOPES, Instant.now().plusSeconds(600)))
        .serialize();
  }

  public static JWTClaimsSet claims(String subject, String scope, Instant expiresAt) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer("setsync-tests")
        .claim("scope", scope)
        .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(20))))
        .expirationTime(Date.from(expiresAt))
        .build();
  }

  public static String signed(String secret, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
