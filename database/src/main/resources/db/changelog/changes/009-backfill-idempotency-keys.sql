--liquibase formatted sql

--changeset setsync:009-backfill-idempotency-keys
-- The first answer of a POST /api/v1/backfills per client and Idempotency-Key, replayed on a retry,
-- so that a retried POST does not start a second backfill. Apart from idempotency_keys, whose
-- answer columns are a sync's; purged after the same retention.
CREATE TABLE backfill_idempotency_keys (
    client_id               text NOT NULL,
    idempotency_key         text NOT NULL,
    request_hash            bytea NOT NULL,
    backfill_id             uuid REFERENCES backfills (id) ON DELETE CASCADE,
    created_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX backfill_idempotency_keys_created_at_idx ON backfill_idempotency_keys (created_at);
