package io.setsync.api.sync;

import io.setsync.api.problem.ApiException;
import io.setsync.api.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} header of the POST calls: its rules, and the fingerprint that tells a
 * retry from another request reusing the key. Each feature keeps its own keys and first answers
 * ({@link Store}), purged after the same retention.
 */
public final class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_LENGTH = 255;

  private IdempotencyKeys() {}

  /**
   * Where a feature keeps its keys and first answers ({@code A}).
   *
   * @param <A> the answer a retry gets again
   */
  public interface Store<A> {

    /**
     * Claims the key for this transaction. False if it is taken: a concurrent claim waits here
     * until the first transaction ends, then sees its answer.
     */
    boolean claimIdempotencyKey(String clientId, String key, byte[] requestHash);

    /** The answer stored for the key, once the transaction that claimed it committed. */
    Optional<StoredAnswer<A>> findAnswer(String clientId, String key);

    void storeAnswer(String clientId, String key, A answer);

    /** Deletes up to {@code limit} keys older than {@code before}; returns how many. */
    int purgeIdempotencyKeys(Instant before, int limit);
  }

  /** The first answer given for a key, and the fingerprint of the request it answered. */
  public record StoredAnswer<A>(byte[] requestHash, A answer) {}

  /**
   * The answer of a request, in the caller's transaction: without a key, {@code answer}'s; with
   * one, {@code answer}'s the first time, then that first answer again for the same request, and a
   * 422 for another request under the same key.
   */
  public static <A> A answerOnce(
      Store<A> store,
      String clientId,
      Optional<String> key,
      Supplier<byte[]> fingerprint,
      Supplier<A> answer) {
    if (key.isEmpty()) {
      return answer.get();
    }
    byte[] requestHash = fingerprint.get();
    if (!store.claimIdempotencyKey(clientId, key.get(), requestHash)) {
      StoredAnswer<A> stored =
          store
              .findAnswer(clientId, key.get())
              .orElseThrow(
                  () -> new IllegalStateException("Idempotency key row without an answer"));
      if (!Arrays.equals(stored.requestHash(), requestHash)) {
        throw new ApiException(
            ProblemType.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was already used with a different request");
      }
      return stored.answer();
    }
    A first = answer.get();
    store.storeAnswer(clientId, key.get(), first);
    return first;
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
