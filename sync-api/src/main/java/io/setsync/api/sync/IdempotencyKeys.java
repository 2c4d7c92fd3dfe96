package io.setsync.api.sync;

import io.setsync.api.problem.ApiException;
import io.setsync.api.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} header of the POST calls: its rules, and the fingerprint that tells a
 * retry from another request reusing the key. Each feature keeps its own keys and first answers
 * ({@link Store}), purged after the same retention.
 */
public final class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_LENGTH = 255;

  private IdempotencyKeys() {}

  /** Where a feature keeps its keys: what the purge needs of it. */
  public interface Store {

    /** Deletes up to {@code limit} keys older than {@code before}; returns how many. */
    int purgeIdempotencyKeys(Instant before, int limit);
  }

  /** The header's key, if sent; a 400 if it is not 1 to 255 visible ASCII characters. */
  public static Optional<String> fromHeader(String key) {
    if (key == null) {
      return Optional.empty();
    }
    boolean visibleAscii = key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    if (key.isEmpty() || key.length() > MAX_LENGTH || !visibleAscii) {
      throw new ApiException(
          ProblemType.INVALID_REQUEST, HEADER + " must be 1 to 255 visible ASCII characters");
    }
    return Optional.of(key);
  }

  /** SHA-256 of the request's meaning, given as its normalised parts. */
  public static byte[] fingerprint(String... parts) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
