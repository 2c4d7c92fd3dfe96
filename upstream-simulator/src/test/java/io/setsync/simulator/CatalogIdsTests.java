package io.setsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogIdsTests {

  @Test
  void spotifyIdsAre22Base62DigitsThatDecodeToTheirEntity() {
    for (int key = 0; key < 2000; key += 7) {
      String id = CatalogIds.spotify(CatalogIds.Kind.ALBUM, (long) key << 6 | 5);

      assertThat(id).matches("[0-9A-Za-z]{22}");
      assertThat(CatalogIds.isWellFormedSpotify(id)).isTrue();
      assertThat(CatalogIds.spotifyRef(id))
          .isEqualTo(new CatalogIds.SpotifyRef(CatalogIds.Kind.ALBUM, (long) key << 6 | 5));
    }
  }

  @Test
  void aSpotifyIdNotIssuedByTheCatalogIsWellFormedButForeign() {
    assertThat(CatalogIds.isWellFormedSpotify("4Z8W4fKeB5YxbusRsdQVPb")).isTrue();
    assertThat(CatalogIds.spotifyRef("4Z8W4fKeB5YxbusRsdQVPb")).isNull();
  }

  @Test
  void rejectsIllFormedSpotifyIds() {
    assertThat(CatalogIds.isWellFormedSpotify("4Z8W4fKeB5YxbusRsdQVP")).isFalse();
    assertThat(CatalogIds.isWellFormedSpotify("4Z8W4fKeB5YxbusRsdQVP!")).isFalse();
    // 22 digits, but more than 128 bits: not a Spotify id.
    assertThat(CatalogIds.isWellFormedSpotify("zzzzzzzzzzzzzzzzzzzzzz")).isFalse();
    assertThat(CatalogIds.isWellFormedSpotify(null)).isFalse();
  }

  @Test
  void ticketmasterIdsLookLikeTicketmastersAndDecodeToTheirEntity() {
    String attraction = CatalogIds.attraction(4242);
    String event = CatalogIds.event(4242, 17);
    String venue = CatalogIds.venue(999);

    assertThat(attraction).matches("K8vZ9[0-9A-Za-z]{6}");
    assertThat(event).matches("vvG1[0-9A-Za-z]{10}");
    assertThat(venue).matches("KovZ[0-9A-Za-z]{8}");
    assertThat(CatalogIds.attractionKey(attraction)).isEqualTo(4242);
    assertThat(CatalogIds.eventRef(event)).isEqualTo(4242L << 12 | 17);
    assertThat(CatalogIds.venueIndex(venue)).isEqualTo(999);
  }

  @Test
  void aTicketmasterIdWithABrokenCheckNamesNothing() {
    String attraction = CatalogIds.attraction(4242);
    String altered = attraction.substring(0, 10) + (attraction.endsWith("a") ? "b" : "a");

    assertThat(CatalogIds.attractionKey(altered)).isEqualTo(-1);
    assertThat(CatalogIds.attractionKey("K8vZ9171ob7")).isEqualTo(-1);
    assertThat(CatalogIds.eventRef("vvG1doesNotExist")).isEqualTo(-1);
    assertThat(CatalogIds.venueIndex("KovZpZA7AAEA")).isEqualTo(-1);
  }

  @Test
  void ticketmasterIdsAreWellFormedAsSyncApiAcceptsThem() {
    assertThat(CatalogIds.isWellFormedTicketmaster("vvG1IZ9KBhS3CM")).isTrue();
    assertThat(CatalogIds.isWellFormedTicketmaster("Z7r9jZ1A7_-x.9")).isTrue();
    assertThat(CatalogIds.isWellFormedTicketmaster("x".repeat(64))).isTrue();
    assertThat(CatalogIds.isWellFormedTicketmaster("x".repeat(65))).isFalse();
    assertThat(CatalogIds.isWellFormedTicketmaster("")).isFalse();
    assertThat(CatalogIds.isWellFormedTicketmaster("K8vZ9 171ob7")).isFalse();
    assertThat(CatalogIds.isWellFormedTicketmaster("not~an~id")).isFalse();
    assertThat(CatalogIds.isWellFormedTicketmaster(null)).isFalse();
  }

  @Test
  void issuedTicketmasterIdsAreTheOnesTheCatalogHasAlwaysIssued() {
    // Benchmarks, fixtures and other simulators rely on these: the scheme must not drift.
    assertThat(CatalogIds.attraction(DemoArtist.FIRST_KEY)).isEqualTo("K8vZ9h3Tlug");
    assertThat(CatalogIds.attraction(4242)).isEqualTo("K8vZ9aX7jNM");
    assertThat(CatalogIds.event(4242, 17)).isEqualTo("vvG1h94Cd5jMUF");
    assertThat(CatalogIds.venue(999)).isEqualTo("KovZCB2u4sfl");
  }
}
