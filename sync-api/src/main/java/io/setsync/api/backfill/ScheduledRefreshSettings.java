package io.setsync.api.backfill;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduled refresh ({@code setsync.api.scheduled-refresh.*}).
 *
 * @param enabled whether sync-api refreshes stale entities on its own
 * @param interval how often a refresh run starts for each entity type
 * @param staleAfter an entity not synced for this long is refreshed
 * @param maxPerSecond jobs made per second at most, per entity type
 */
@Validated
@ConfigurationProperties("setsync.api.scheduled-refresh")
record ScheduledRefreshSettings(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("1h") Duration interval,
    @NotNull @DefaultValue("24h") Duration staleAfter,
    @Min(1) @Max(BackfillRequestBody.MAX_PER_SECOND) @DefaultValue("10") int maxPerSecond) {}
