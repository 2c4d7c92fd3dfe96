package io.setsync.worker.show.setlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the setlist suggestions, {@code setsync.show.setlist.*}.
 *
 * @param maxSongs songs per suggested setlist
 * @param refreshOnArtistSync recompute the suggestions of an artist's shows when a sync of the
 *     artist changed something (read from {@code sync.outcomes})
 */
@ConfigurationProperties("setsync.show.setlist")
@Validated
record SetlistSettings(
    @Min(1) @Max(100) @DefaultValue("20") int maxSongs,
    @DefaultValue("true") boolean refreshOnArtistSync) {}
