package io.setsync.simulator;

import java.util.List;

/** A genre family: Spotify's genre strings and Ticketmaster's classification of the same music. */
record Genre(
    List<String> spotifyGenres,
    String genreId,
    String genreName,
    String subGenreId,
    String subGenreName) {

  static final String MUSIC_SEGMENT_ID = "KZFzniwnSyZfZ7v7nJ";

  static final List<Genre> ALL =
      List.of(
          new Genre(
              List.of("indie rock", "garage rock", "alternative rock"),
              "KnvZfZ7vAeA",
              "Rock",
              "KZazBEonSMnZfZ7v6dt",
              "Alternative Rock"),
          new Genre(
              List.of("pop", "dance pop", "electropop"),
              "KnvZfZ7vAev",
              "Pop",
              "KZazBEonSMnZfZ7v6F1",
              "Pop"),
          new Genre(
              List.of("hip hop", "rap", "trap"),
              "KnvZfZ7vAv1",
              "Hip-Hop/Rap",
              "KZazBEonSMnZfZ7vkda",
              "Urban"),
          new Genre(
              List.of("r&b", "neo soul", "contemporary r&b"),
              "KnvZfZ7vAee",
              "R&B",
              "KZazBEonSMnZfZ7vFIA",
              "Soul"),
          new Genre(
              List.of("house", "techno", "edm"),
              "KnvZfZ7vAvF",
              "Dance/Electronic",
              "KZazBEonSMnZfZ7vAv6",
              "House"),
          new Genre(
              List.of("indie folk", "folk", "singer-songwriter"),
              "KnvZfZ7vAva",
              "Folk",
              "KZazBEonSMnZfZ7vklE",
              "Folk"),
          new Genre(
              List.of("country", "alt country", "americana"),
              "KnvZfZ7vAv6",
              "Country",
              "KZazBEonSMnZfZ7v6dE",
              "Alternative Country"),
          new Genre(
              List.of("jazz", "vocal jazz", "nu jazz"),
              "KnvZfZ7vAvE",
              "Jazz",
              "KZazBEonSMnZfZ7vFtl",
              "Jazz"),
          new Genre(
              List.of("metal", "metalcore", "doom metal"),
              "KnvZfZ7vAvt",
              "Metal",
              "KZazBEonSMnZfZ7vkdt",
              "Heavy Metal"));
}
