package io.setsync.simulator;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spotify access tokens that carry their expiry and issue generation, so checking one needs no
 * lookup and no memory grows with the number issued. Revoking starts a new generation.
 */
final class Tokens {

  enum Check {
    VALID,
    EXPIRED,
    INVALID
  }

  private static final String PREFIX = "BQ";
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong generation = new AtomicLong();
  private volatile Duration lifetime;

  Tokens(Duration lifetime) {
    this.lifetime = lifetime;
  }

  void lifetime(Duration next) {
    if (next.toSeconds() < 1) {
      throw new IllegalArgumentException("token lifetime must be at least one second");
    }
    lifetime = next;
  }

  long lifetimeSeconds() {
    return lifetime.toSeconds();
  }

  /** Every token issued so far stops working. */
  void revokeAll() {
    generation.incrementAndGet();
  }

  String issue() {
    ByteBuffer buffer = ByteBuffer.allocate(24);
    buffer.putLong(random.nextLong());
    buffer.putLong(System.currentTimeMillis() + lifetime.toMillis());
    buffer.putLong(generation.get());
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  Check check(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Check.INVALID;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return Check.INVALID;
    }
    if (bytes.length != 24) {
      return Check.INVALID;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.getLong();
    long expiresAt = buffer.getLong();
    if (buffer.getLong() != generation.get()) {
      return Check.INVALID;
    }
    return System.currentTimeMillis() < expiresAt ? Check.VALID : Check.EXPIRED;
  }
}
