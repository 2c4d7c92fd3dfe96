package io.setsync.simulator;

import java.time.LocalDate;
import java.util.List;

/** One album or single of an artist, newest first by {@code index}. */
record Album(
    int artistKey,
    int index,
    String id,
    String name,
    String type,
    LocalDate releaseDate,
    List<Track> tracks) {}
