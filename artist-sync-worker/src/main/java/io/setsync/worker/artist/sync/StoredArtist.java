package io.setsync.worker.artist.sync;

import java.util.UUID;

/** An artist row as far as identity goes. */
record StoredArtist(UUID id, String spotifyId, String ticketmasterId, String name) {}
