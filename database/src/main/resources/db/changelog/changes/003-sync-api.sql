--liquibase formatted sql

--changeset setsync:003-sync-jobs-status-rank
-- Order-safety of the status projector: an event changes a job's status only if
-- (status_rank, status_at) grows. The rank orders the phases of a job so that clock skew between
-- services cannot move it backwards: queued 0 < running (attempt * 10 + 1 started, + 2 failed and
-- retrying) < timed out by sync-api 1000000 < completed or finally failed 2000000. A real outcome
-- thus replaces a TIMED_OUT that sync-api declared, and nothing replaces a real outcome.
ALTER TABLE sync_jobs ADD COLUMN status_rank integer NOT NULL DEFAULT 0;
-- False while the row was made from an outcome that overtook its SyncRequested: reason,
-- requested_at and the request's ids are then placeholders until the SyncRequested arrives.
ALTER TABLE sync_jobs ADD COLUMN request_known boolean NOT NULL DEFAULT true;

--changeset setsync:003-sync-outbox
-- Transactional outbox of sync-api: one row per SyncRequested still to publish, written in the
-- transaction that writes its sync_jobs row. The relay publishes rows in id order, at most one row
-- per message_key (entity) per round, and deletes a row once Kafka acknowledged it.
CREATE TABLE sync_outbox (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id                uuid NOT NULL UNIQUE,
    sync_id                 uuid NOT NULL REFERENCES sync_jobs (id) ON DELETE CASCADE,
    topic                   text NOT NULL,
    message_key             text NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now()
);
-- Rows live for milliseconds: vacuum by row count, not by table fraction.
ALTER TABLE sync_outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

--changeset setsync:003-idempotency-keys
-- The first answer of a POST /api/v1/syncs per client and Idempotency-Key, replayed on a retry.
CREATE TABLE idempotency_keys (
    client_id               text NOT NULL,
    idempotency_key         text NOT NULL,
    request_hash            bytea NOT NULL,
    sync_id                 uuid,
    status                  text,
    entity_type             text,
    entity_id               uuid,
    coalesced               boolean,
    created_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
