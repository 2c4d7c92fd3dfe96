--liquibase formatted sql

--changeset setsync:001-extensions
CREATE EXTENSION IF NOT EXISTS pgcrypto;

--changeset setsync:001-artists
CREATE TABLE artists (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    spotify_id              text UNIQUE,
    ticketmaster_id         text UNIQUE,
    name                    text,
    genres                  text[] NOT NULL DEFAULT '{}',
    popularity              integer CHECK (popularity BETWEEN 0 AND 100),
    followers               bigint CHECK (followers >= 0),
    image_url               text,
    url                     text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    sync_status             text CHECK (sync_status IN ('queued', 'syncing', 'synced', 'failed')),
    sync_status_at          timestamptz,
    last_sync               timestamptz,
    last_sync_error         text,
    CONSTRAINT artists_has_external_id CHECK (spotify_id IS NOT NULL OR ticketmaster_id IS NOT NULL)
);
CREATE INDEX artists_sync_status_idx ON artists (sync_status);
CREATE INDEX artists_last_sync_idx ON artists (last_sync NULLS FIRST);

--changeset setsync:001-songs
CREATE TABLE songs (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    spotify_id              text NOT NULL UNIQUE,
    artist_id               uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    name                    text NOT NULL,
    album                   text,
    duration_ms             integer CHECK (duration_ms >= 0),
    popularity              integer CHECK (popularity BETWEEN 0 AND 100),
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX songs_artist_id_idx ON songs (artist_id);

--changeset setsync:001-venues
CREATE TABLE venues (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ticketmaster_id         text NOT NULL UNIQUE,
    name                    text,
    city                    text,
    state                   text,
    country                 text,
    address                 text,
    postal_code             text,
    latitude                numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude               numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    timezone                text,
    url                     text,
    image_url               text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    sync_status             text CHECK (sync_status IN ('queued', 'syncing', 'synced', 'failed')),
    sync_status_at          timestamptz,
    last_sync               timestamptz,
    last_sync_error         text
);
CREATE INDEX venues_sync_status_idx ON venues (sync_status);
CREATE INDEX venues_last_sync_idx ON venues (last_sync NULLS FIRST);

--changeset setsync:001-shows
CREATE TABLE shows (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ticketmaster_id         text NOT NULL UNIQUE,
    artist_id               uuid REFERENCES artists (id) ON DELETE SET NULL,
    venue_id                uuid REFERENCES venues (id) ON DELETE SET NULL,
    -- The venue's Ticketmaster id as the event named it, so the venue-linker can link shows
    -- that arrived before their venue.
    venue_ticketmaster_id   text,
    name                    text,
    starts_at               timestamptz,
    local_date              date,
    status                  text,
    url                     text,
    image_url               text,
    setlist_suggestions     jsonb,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    sync_status             text CHECK (sync_status IN ('queued', 'syncing', 'synced', 'failed')),
    sync_status_at          timestamptz,
    last_sync               timestamptz,
    last_sync_error         text
);
CREATE INDEX shows_artist_id_idx ON shows (artist_id);
CREATE INDEX shows_venue_id_idx ON shows (venue_id);
CREATE INDEX shows_unlinked_venue_idx ON shows (venue_ticketmaster_id) WHERE venue_id IS NULL;
CREATE INDEX shows_sync_status_idx ON shows (sync_status);
CREATE INDEX shows_last_sync_idx ON shows (last_sync NULLS FIRST);

--changeset setsync:001-sync-jobs
CREATE TABLE sync_jobs (
    id                      uuid PRIMARY KEY,
    entity_type             text NOT NULL CHECK (entity_type IN ('artist', 'show', 'venue')),
    entity_id               uuid NOT NULL,
    parent_sync_id          uuid,
    root_sync_id            uuid NOT NULL,
    reason                  text NOT NULL CHECK (reason IN ('USER', 'CASCADE', 'SCHEDULED', 'BACKFILL')),
    status                  text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    requested_by            text,
    spotify_id              text,
    ticketmaster_id         text,
    skip_dependencies       boolean NOT NULL DEFAULT false,
    force_refresh           boolean NOT NULL DEFAULT false,
    requested_at            timestamptz NOT NULL,
    started_at              timestamptz,
    finished_at             timestamptz,
    attempts                integer NOT NULL DEFAULT 0,
    error_code              text,
    error_message           text,
    -- occurredAt of the event that set the current status: an older event never overwrites it.
    status_at               timestamptz NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_jobs_entity_idx ON sync_jobs (entity_type, entity_id, status);
CREATE INDEX sync_jobs_root_idx ON sync_jobs (root_sync_id);
CREATE INDEX sync_jobs_parent_idx ON sync_jobs (parent_sync_id) WHERE parent_sync_id IS NOT NULL;
CREATE INDEX sync_jobs_unfinished_idx ON sync_jobs (status_at) WHERE status IN ('queued', 'running');
