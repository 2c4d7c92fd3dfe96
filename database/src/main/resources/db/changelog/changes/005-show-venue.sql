--liquibase formatted sql

--changeset setsync:005-shows-venue-ticketmaster-id
-- The venue-linker links every show naming a venue, whether unlinked or linked to another row
-- (the event moved), so it needs all shows by venue id, not only the unlinked ones that
-- shows_unlinked_venue_idx covers.
CREATE INDEX shows_venue_ticketmaster_id_idx ON shows (venue_ticketmaster_id);
