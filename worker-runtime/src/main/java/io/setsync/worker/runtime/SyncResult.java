package io.setsync.worker.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How one request ended, as the handler's {@link SyncHandler#store} reports it. */
public sealed interface SyncResult {

  SyncRequest request();

  /**
   * The entity is stored.
   *
   * @param changed whether any stored row changed
   * @param counts rows written by kind: {@code songs}, {@code shows}, {@code venues}, …
   * @param spotifyId the Spotify id as resolved by the sync, or null
   * @param ticketmasterId the Ticketmaster id as resolved by the sync, or null
   * @param followUps requests to publish once this sync is committed (the cascade), built with
   *     {@link SyncRequest#cascade}
   */
  record Completed(
      SyncRequest request,
      boolean changed,
      Map<String, Long> counts,
      String spotifyId,
      String ticketmasterId,
      List<SyncRequest> followUps)
      implements SyncResult {

    public Completed {
      Objects.requireNonNull(request, "request");
      counts = Map.copyOf(counts);
      followUps = List.copyOf(followUps);
    }
  }

  /** The sync failed; nothing of it may have been written. */
  record Failed(SyncRequest request, SyncFailure failure) implements SyncResult {

    public Failed {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * The sync cannot run yet (say, a show whose artist is unknown): publish {@code followUps} now
   * and try again later through the retry topics, without reporting a failure. Once the attempts
   * run out, the job fails with {@link ErrorCode#TIMED_OUT}.
   */
  record Deferred(SyncRequest request, String reason, List<SyncRequest> followUps)
      implements SyncResult {

    public Deferred {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(reason, "reason");
      followUps = List.copyOf(followUps);
    }
  }

  static Completed completed(
      SyncRequest request,
      boolean changed,
      Map<String, Long> counts,
      String spotifyId,
      String ticketmasterId,
      List<SyncRequest> followUps) {
    return new Completed(request, changed, counts, spotifyId, ticketmasterId, followUps);
  }

  static Failed failed(SyncRequest request, SyncFailure failure) {
    return new Failed(request, failure);
  }

  static Deferred deferred(SyncRequest request, String reason, List<SyncRequest> followUps) {
    return new Deferred(request, reason, followUps);
  }
}
