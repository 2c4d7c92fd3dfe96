package io.setsync.upstream.spotify;

import static io.setsync.upstream.JsonShape.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SpotifyJsonTests {

  @Test
  void readsTheDocumentedArtist() {
    SpotifyArtist artist = SpotifyJson.artist(fixture("spotify/artist.json"));

    assertThat(artist)
        .isEqualTo(
            new SpotifyArtist(
                "0TnOYISbd1XYRBk9myaseg",
                "Pitbull",
                List.of("dance pop", "miami hip hop", "pop"),
                80,
                10838015L,
                "https://i.scdn.co/image/ab6761610000e5eb4051627b19277613e0e62a34",
                "https://open.spotify.com/artist/0TnOYISbd1XYRBk9myaseg"));
  }

  @Test
  void readsAnArtistWithoutTheFieldsDevelopmentModeDrops() {
    JsonNode node = fixture("spotify/artist.json");
    ((tools.jackson.databind.node.ObjectNode) node)
        .remove(List.of("popularity", "followers", "genres"));

    SpotifyArtist artist = SpotifyJson.artist(node);

    assertThat(artist.popularity()).isNull();
    assertThat(artist.followers()).isNull();
    assertThat(artist.genres()).isEmpty();
    assertThat(artist.name()).isEqualTo("Pitbull");
  }

  @Test
  void readsATopTrackWithItsAlbum() {
    SpotifyTrack track = SpotifyJson.track(fixture("spotify/top-tracks.json").get("tracks").get(0));

    assertThat(track)
        .isEqualTo(
            new SpotifyTrack(
                "6LgJvl0Xdtc73RJ1mmpotq",
                "Karma Police",
                "6dVIqQ8qmQ5GBnJ9shOYGE",
                "OK Computer",
                264066,
                79,
                6,
                "https://open.spotify.com/track/6LgJvl0Xdtc73RJ1mmpotq"));
  }

  @Test
  void readsASimplifiedAlbumTrackWithoutAlbumOrPopularity() {
    SpotifyTrack track =
        SpotifyJson.track(fixture("spotify/album-tracks.json").get("items").get(0));

    assertThat(track.name()).isEqualTo("Airbag");
    assertThat(track.albumId()).isNull();
    assertThat(track.popularity()).isNull();
    assertThat(track.durationMs()).isEqualTo(284586);
  }

  @Test
  void readsTheDocumentedAlbum() {
    SpotifyAlbum album =
        SpotifyJson.album(fixture("spotify/artist-albums.json").get("items").get(0));

    assertThat(album)
        .isEqualTo(
            new SpotifyAlbum(
                "6dVIqQ8qmQ5GBnJ9shOYGE",
                "OK Computer",
                "album",
                "1997-05-28",
                11,
                "https://i.scdn.co/image/ab67616d0000b273c8b444df094279e70d0ed856"));
  }
}
