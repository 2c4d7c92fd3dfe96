package io.setsync.simulator;

import java.util.List;

/** A venue from the shared pool that every artist's events are spread over. */
record Venue(
    int index,
    String id,
    String name,
    City city,
    String address,
    double latitude,
    double longitude) {

  static final int COUNT = 1200;

  private static final List<String> PREFIXES =
      List.of(
          "Riverside",
          "Harbor",
          "Grand",
          "Union",
          "Liberty",
          "Summit",
          "Crystal",
          "Lakeside",
          "Pioneer",
          "Heritage",
          "Meridian",
          "Paramount",
          "Majestic",
          "Orpheum",
          "Fillmore",
          "Palace",
          "Empire",
          "Capitol",
          "Bluebird",
          "Roxy",
          "Aurora",
          "Beacon",
          "Granada",
          "Starlight",
          "Echo");
  private static final List<String> KINDS =
      List.of(
          "Arena",
          "Theatre",
          "Hall",
          "Ballroom",
          "Amphitheatre",
          "Stadium",
          "Music Hall",
          "Club",
          "Pavilion",
          "Auditorium",
          "Center",
          "Garden");
  private static final List<String> STREETS =
      List.of(
          "Main Street",
          "Broadway",
          "Market Street",
          "Elm Street",
          "Oak Avenue",
          "Sunset Blvd",
          "River Road",
          "Park Avenue",
          "King Street",
          "High Street");

  static Venue of(int index) {
    if (index < 0 || index >= COUNT) {
      throw new IllegalArgumentException("no venue " + index);
    }
    int cityIndex = index % City.ALL.size();
    int rank = index / City.ALL.size();
    City city = City.ALL.get(cityIndex);
    String name =
        PREFIXES.get(rank % PREFIXES.size())
            + " "
            + KINDS.get((rank / PREFIXES.size() + cityIndex) % KINDS.size());
    long seed = Seeds.of(index, 40);
    String address = Seeds.between(seed, 1, 2999) + " " + Seeds.pick(Seeds.of(seed, 1), STREETS);
    double latitude =
        city.latitude() + (Seeds.between(Seeds.of(seed, 2), 0, 2000) - 1000) / 20000.0;
    double longitude =
        city.longitude() + (Seeds.between(Seeds.of(seed, 3), 0, 2000) - 1000) / 20000.0;
    return new Venue(index, CatalogIds.venue(index), name, city, address, latitude, longitude);
  }
}
