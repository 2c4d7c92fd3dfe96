package io.setsync.api.sync;

/**
 * The transaction-scoped advisory lock of one entity, by its UUID: whoever decides whether an
 * entity needs a new job (a POST, a backfill page) holds it, so two of them never both decide yes.
 */
public final class EntityLocks {

  private EntityLocks() {}

  /**
   * SQL that locks the entity whose id is in {@code idColumn}, until the transaction ends, and
   * yields a column {@code locked}. The lock key folds the UUID's two halves into one bigint.
   */
  public static String lock(String idColumn) {
    return """
        pg_advisory_xact_lock(('x' || left(replace(%1$s::text, '-', ''), 16))::bit(64)::bigint
                              # ('x' || right(replace(%1$s::text, '-', ''), 16))::bit(64)::bigint)
            AS locked"""
        .formatted(idColumn);
  }
}
