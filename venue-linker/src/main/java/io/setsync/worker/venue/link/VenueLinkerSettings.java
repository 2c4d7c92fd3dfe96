package io.setsync.worker.venue.link;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the venue-linker, {@code setsync.venue.*}.
 *
 * @param snapshotMaxAge a venue snapshot (embedded in the event a cascade fetched) younger than
 *     this is used instead of a fetch
 */
@ConfigurationProperties("setsync.venue")
@Validated
record VenueLinkerSettings(@NotNull @DefaultValue("15m") Duration snapshotMaxAge) {}
