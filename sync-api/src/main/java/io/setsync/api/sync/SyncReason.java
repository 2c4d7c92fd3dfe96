package io.setsync.api.sync;

/** Why a sync was asked for, as {@code sync_jobs.reason} stores it. */
public enum SyncReason {
  USER,
  CASCADE,
  SCHEDULED,
  BACKFILL
}
