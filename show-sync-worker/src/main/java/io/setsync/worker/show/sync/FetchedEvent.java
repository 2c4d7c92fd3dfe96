package io.setsync.worker.show.sync;

import java.time.Instant;

/** An event as {@code fetch} hands it to {@code store}: what it says, and when it was fetched. */
record FetchedEvent(ShowEvent event, Instant fetchedAt) {}
