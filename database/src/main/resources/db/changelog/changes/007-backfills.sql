--liquibase formatted sql

--changeset setsync:007-backfills
-- A backfill (POST /api/v1/backfills, reason BACKFILL) or a scheduled refresh run (reason
-- SCHEDULED): which entities it selected, how far it got, how fast it may go. sync-api enqueues its
-- jobs in pages in id order (cursor), at most max_per_second, onto the sync.replay.* topics; the
-- jobs carry backfill_id, so its progress is counted from sync_jobs.
CREATE TABLE backfills (
    id                  uuid PRIMARY KEY,
    entity_type         text NOT NULL CHECK (entity_type IN ('artist', 'show', 'venue')),
    reason              text NOT NULL CHECK (reason IN ('BACKFILL', 'SCHEDULED')),
    selector            text NOT NULL CHECK (selector IN ('all', 'stale', 'failed')),
    -- selector 'stale': entities never synced or last synced before this instant.
    stale_before        timestamptz,
    max_per_second      integer NOT NULL CHECK (max_per_second > 0),
    requested_by        text NOT NULL,
    -- 'enqueuing' until every selected entity has its job, then 'enqueued'.
    status              text NOT NULL CHECK (status IN ('enqueuing', 'enqueued')),
    -- Entities selected at creation; once enqueued, the jobs actually made (an entity that no
    -- longer matched when its turn came, or was deleted, is skipped).
    total               bigint NOT NULL,
    enqueued            bigint NOT NULL DEFAULT 0,
    cursor_id           uuid,
    last_enqueued_at    timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX backfills_enqueuing_idx ON backfills (created_at) WHERE status = 'enqueuing';
CREATE INDEX backfills_scheduled_idx ON backfills (entity_type, created_at) WHERE reason = 'SCHEDULED';

ALTER TABLE sync_jobs ADD COLUMN backfill_id uuid REFERENCES backfills (id);
CREATE INDEX sync_jobs_backfill_idx ON sync_jobs (backfill_id, status) WHERE backfill_id IS NOT NULL;
