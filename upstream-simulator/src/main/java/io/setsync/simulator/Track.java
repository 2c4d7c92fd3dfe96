package io.setsync.simulator;

/** One track on an album. */
record Track(
    int artistKey,
    int albumIndex,
    String id,
    String name,
    int trackNumber,
    int durationMs,
    int popularity,
    boolean explicit) {}
