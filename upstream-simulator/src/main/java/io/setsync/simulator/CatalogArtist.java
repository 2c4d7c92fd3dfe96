package io.setsync.simulator;

/**
 * An artist as both simulated APIs know it: the same name resolves through either search.
 *
 * @param upcomingEvents events listed from the simulator's start day on
 * @param albums albums and singles on Spotify
 */
public record CatalogArtist(
    String name, String spotifyId, String ticketmasterId, int albums, int upcomingEvents) {

  static CatalogArtist of(ArtistProfile profile) {
    return new CatalogArtist(
        profile.name(),
        profile.spotifyId(),
        profile.attractionId(),
        profile.albumCount(),
        profile.eventCount());
  }
}
