package io.setsync.upstream.spotify;

/** An album or single of an artist. {@code releaseDate} is as precise as Spotify knows it. */
public record SpotifyAlbum(
    String id,
    String name,
    String albumType,
    String releaseDate,
    int totalTracks,
    String imageUrl) {}
