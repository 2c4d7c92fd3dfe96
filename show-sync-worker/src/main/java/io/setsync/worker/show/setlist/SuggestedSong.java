package io.setsync.worker.show.setlist;

import java.util.UUID;

/**
 * One entry of a suggested setlist.
 *
 * @param position 1-based
 * @param appearances how many of the artist's stored tracks are this song (live, remastered and
 *     compilation versions count)
 */
public record SuggestedSong(
    UUID songId,
    int position,
    String name,
    Integer popularity,
    int appearances,
    RankedBy rankedBy) {}
