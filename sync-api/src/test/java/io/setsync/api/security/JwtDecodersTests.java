package io.setsync.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class JwtDecodersTests {

  private static final String SECRET = "a-production-secret-of-enough-length-0123456789";
  private static final LocalMode PRODUCTION = new LocalMode(false);
  private static final LocalMode LOCAL = new LocalMode(true);

  @Test
  void refusesTheLocalDevSecretOutsideLocalMode() {
    assertThatThrownBy(() -> create(jwt(JwtDecoders.LOCAL_DEV_SECRET, ""), PRODUCTION))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("local dev secret");
  }

  @Test
  void usesTheLocalDevSecretByDefaultInLocalModeOnly() throws Exception {
    JwtDecoder decoder = create(jwt("", ""), LOCAL);

    assertThat(decoder.decode(hs256(JwtDecoders.LOCAL_DEV_SECRET, claims())).getSubject())
        .isEqualTo("someone");
    assertThatThrownBy(() -> create(jwt("", ""), PRODUCTION))
        .isInstanceOf(InvalidJwtSettingsException.class)
        .hasMessageContaining("No way to verify");
  }

  @Test
  void refusesAShortSecret() {
    assertThatThrownBy(() -> create(jwt("too-short", ""), PRODUCTION))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void knowsLocalModeByProfileOrVariable() {
    assertThat(LocalMode.of(new MockEnvironment()).enabled()).isFalse();
    assertThat(LocalMode.of(new MockEnvironment().withProperty("setsync.mode", "local")).enabled())
        .isTrue();
    MockEnvironment profile = new MockEnvironment();
    profile.setActiveProfiles("local");
    assertThat(LocalMode.of(profile).enabled()).isTrue();
  }

  @Test
  void acceptsHs256AndRs256FromAJwkSetAndRefusesTheRest() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
    HttpServer jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
    try {
      JwtDecoder decoder =
          create(
              jwt(SECRET, "http://localhost:" + jwks.getAddress().getPort() + "/jwks"), PRODUCTION);

      assertThat(decoder.decode(hs256(SECRET, claims())).getSubject()).isEqualTo("someone");
      assertThat(decoder.decode(rs256(key, claims())).getSubject()).isEqualTo("someone");
      assertThatThrownBy(() -> decoder.decode(rs256(stranger, claims())))
          .isInstanceOf(BadJwtException.class);
      assertThatThrownBy(() -> decoder.decode(new PlainJWT(claims()).serialize()))
          .isInstanceOf(BadJwtException.class);
      assertThatThrownBy(() -> decoder.decode(hs384(claims()))).isInstanceOf(BadJwtException.class);
    } finally {
      jwks.stop(0);
    }
  }

  @Test
  void refusesATokenWithoutSubjectOrOfAnotherIssuerOrAudience() throws Exception {
    JwtDecoder decoder =
        create(
            new SecuritySettings.Jwt(SECRET, "", "https://issuer.example", "authenticated"),
            PRODUCTION);
    Date exp = Date.from(Instant.now().plusSeconds(600));

    JWTClaimsSet good =
        new JWTClaimsSet.Builder()
            .subject("someone")
            .issuer("https://issuer.example")
            .audience("authenticated")
            .expirationTime(exp)
            .build();
    JWTClaimsSet noSubject =
        new JWTClaimsSet.Builder()
            .issuer("https://issuer.example")
            .audience("authenticated")
            .expirationTime(exp)
            .build();
    JWTClaimsSet otherAudience =
        new JWTClaimsSet.Builder()
            .subject("someone")
            .issuer("https://issuer.example")
            .audience("service_role")
            .expirationTime(exp)
            .build();

    assertThat(decoder.decode(hs256(SECRET, good)).getSubject()).isEqualTo("someone");
    assertThatThrownBy(() -> decoder.decode(hs256(SECRET, noSubject)))
        .isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> decoder.decode(hs256(SECRET, otherAudience)))
        .isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> decoder.decode(hs256(SECRET, claims())))
        .isInstanceOf(JwtValidationException.class);
  }

  private static JwtDecoder create(SecuritySettings.Jwt settings, LocalMode mode) {
    return JwtDecoders.create(settings, mode, new SimpleMeterRegistry());
  }

  private static SecuritySettings.Jwt jwt(String secret, String jwksUri) {
    return new SecuritySettings.Jwt(secret, jwksUri, "", "");
  }

  private static JWTClaimsSet claims() {
    return new JWTClaimsSet.Builder()
        .subject("someone")
        .claim("scope", "sync:read")
        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
        .build();
  }

  private static String hs256(String secret, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String hs384(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
    jwt.sign(new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
