package io.setsync.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokenCacheTests {

  private static final String SECRET = "a-test-secret-of-enough-length-0123456789";
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private final MutableClock clock = new MutableClock();
  private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
  private final AtomicInteger fullDecodes = new AtomicInteger();
  private final VerifiedTokenCache cache;

  VerifiedTokenCacheTests() {
    expiry.setClock(clock);
    NimbusJwtDecoder nimbus =
        NimbusJwtDecoder.withSecretKey(
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    nimbus.setJwtValidator(expiry);
    JwtDecoder counting =
        token -> {
          fullDecodes.incrementAndGet();
          return nimbus.decode(token);
        };
    cache =
        new VerifiedTokenCache(
            counting, expiry, 100, Duration.ofMinutes(5), new SimpleMeterRegistry());
  }

  @Test
  void verifiesAKnownTokenOnlyOnce() throws Exception {
    // given
    String token = token(SECRET, NOW.plusSeconds(60));

    // when
    Jwt first = cache.decode(token);
    Jwt second = cache.decode(token);

    // then
    assertThat(second).isSameAs(first);
    assertThat(second.getSubject()).isEqualTo("user-1");
    assertThat(fullDecodes).hasValue(1);
  }

  @Test
  void stillRefusesARememberedTokenOnceItHasExpired() throws Exception {
    // given
    String token = token(SECRET, NOW.plusSeconds(60));
    cache.decode(token);

    // when
    clock.now = NOW.plusSeconds(61);

    // then
    assertThatThrownBy(() -> cache.decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(fullDecodes).hasValue(2);
  }

  @Test
  void remembersNoRefusedToken() throws Exception {
    // given
    String forged = token("another-secret-of-enough-length-0123456789", NOW.plusSeconds(60));

    // when
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
    }

    // then
    assertThat(fullDecodes).hasValue(2);
  }

  private static String token(String secret, Instant expires) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject("user-1")
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static final class MutableClock extends Clock {

    Instant now = NOW;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
