--liquibase formatted sql

--changeset setsync:008-shows-room-for-grown-rows
-- A show is inserted small (~350 bytes: the artist worker's queued row) and grows to ~1.3 KB when
-- its sync stores the setlist suggestions. With fillfactor 85 a page took ~19 small rows, so the
-- grown versions no longer fit on their page: two of three show updates were not HOT, each a new
-- entry in all 6 indexes of shows (pg_stat_user_tables in the benchmark: 58k HOT of 182k updates).
-- Filling pages to 20 % leaves ~4 small rows a page: grown, they and the next version of one of
-- them still fit, so the show sync's update and the projector's status update stay on the page.
-- The table stays about as large as before (~1.6 KB a show), as the dead versions are pruned in
-- place. Pages filled before this change are not rewritten (that would lock the table).
ALTER TABLE shows SET (fillfactor = 20);
