package io.setsync.worker.show.sync;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the show worker, {@code setsync.show.*}.
 *
 * @param snapshotMaxAge a cascade's event snapshot younger than this is used instead of a fetch
 */
@ConfigurationProperties("setsync.show")
@Validated
record ShowSyncSettings(@NotNull @DefaultValue("15m") Duration snapshotMaxAge) {}
