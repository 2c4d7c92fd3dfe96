--liquibase formatted sql

--changeset setsync:006-shows-hot-status-updates
-- sync-api's status projector writes shows.sync_status, sync_status_at and last_sync about three
-- times per show sync. Nothing reads shows by sync_status or last_sync (a show's status is read by
-- id), yet indexing them made each of those updates non-HOT: a new entry in all 8 indexes of shows.
-- Without the two indexes a status-only update changes no indexed column, and the room fillfactor 85
-- leaves on each page lets the new row version stay on its page: a HOT update, no index writes.
-- The fillfactor applies to pages filled from now on; existing pages are not rewritten (that would
-- lock the table). artists and venues keep theirs: fewer syncs than shows, not seen in the profile.
DROP INDEX shows_sync_status_idx;
DROP INDEX shows_last_sync_idx;
ALTER TABLE shows SET (fillfactor = 85);
