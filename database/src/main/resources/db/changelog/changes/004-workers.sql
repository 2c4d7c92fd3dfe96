--liquibase formatted sql

--changeset setsync:004-processed-syncs
-- The workers' ledger (worker-runtime): one row per sync a worker finished, completed or failed for
-- good, written in the transaction that stores the sync's data. A request delivered again finds its
-- row and re-publishes the same outcome event (same event_id) and follow-up requests instead of
-- running again; the latest fetching sync of an entity tells whether it is still fresh.
CREATE TABLE processed_syncs (
    sync_id                 uuid PRIMARY KEY,
    entity_type             text NOT NULL CHECK (entity_type IN ('artist', 'show', 'venue')),
    entity_id               uuid NOT NULL,
    outcome                 text NOT NULL CHECK (outcome IN ('completed', 'failed')),
    -- False when the entity was fresh and nothing was fetched from upstream.
    fetched                 boolean NOT NULL,
    changed                 boolean NOT NULL DEFAULT false,
    counts                  jsonb NOT NULL DEFAULT '{}',
    spotify_id              text,
    ticketmaster_id         text,
    error_code              text,
    error_message           text,
    retryable               boolean NOT NULL DEFAULT false,
    attempt                 integer NOT NULL,
    -- The requests this sync asked for (the cascade), without snapshots: re-sent on redelivery.
    follow_ups              jsonb NOT NULL DEFAULT '[]',
    event_id                uuid NOT NULL,
    started_at              timestamptz NOT NULL,
    finished_at             timestamptz NOT NULL
);
CREATE INDEX processed_syncs_fresh_idx ON processed_syncs (entity_type, entity_id, finished_at DESC)
    WHERE outcome = 'completed' AND fetched;
CREATE INDEX processed_syncs_finished_at_idx ON processed_syncs (finished_at);

--changeset setsync:004-artists-songs-source
-- Where the artist's songs came from (artist-sync-worker): Spotify's top tracks, or, where Spotify
-- refuses them (Development Mode), the tracks of the artist's albums and singles, which carry no
-- popularity. show-sync-worker's setlist ranking reads it.
ALTER TABLE artists ADD COLUMN songs_source text CHECK (songs_source IN ('top_tracks', 'albums'));
