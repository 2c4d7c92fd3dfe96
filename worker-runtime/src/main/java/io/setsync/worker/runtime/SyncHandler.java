package io.setsync.worker.runtime;

import java.util.List;

/**
 * What one worker does for its entity kind. A worker module declares exactly one bean of this type;
 * the runtime does the rest (consuming, outcomes, retries, idempotency, freshness, metrics).
 *
 * <p>The runtime calls it with the requests of one poll (at most one per entity, none already
 * processed, none fresh): first {@link #fetch} outside any transaction, for the upstream calls,
 * then {@link #store} with what was fetched, inside one database transaction per batch. If {@code
 * store} throws, the runtime rolls back and calls it again once per request, so that one bad record
 * cannot fail its neighbours. Both must therefore be safe to call again with the same input:
 * upserts, not inserts.
 *
 * @param <T> what {@code fetch} hands to {@code store} for one request
 */
public interface SyncHandler<T> {

  /** The entity kind this worker syncs; it names the topics the runtime consumes. */
  EntityKind entity();

  /**
   * Fetches what the requests need, outside any transaction: upstream calls, batched across the
   * requests where the upstream allows. Returns one {@link Fetched} per request, in any order. A
   * request with none is failed as {@link ErrorCode#INTERNAL}. Throwing fails them all with the
   * thrown {@link SyncFailure} (or {@code INTERNAL}), after the runtime retried them one by one.
   */
  List<Fetched<T>> fetch(List<SyncRequest> requests);

  /**
   * Stores what was fetched, inside the caller's transaction. Returns one {@link SyncResult} per
   * input, in any order. A {@link SyncResult.Failed} result must not have written anything.
   */
  List<SyncResult> store(List<Fetched<T>> fetched);
}
