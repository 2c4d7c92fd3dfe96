package io.setsync.worker.artist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Syncs artists, songs and shows from Spotify and Ticketmaster. */
@SpringBootApplication
public class ArtistSyncWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ArtistSyncWorkerApplication.class, args);
  }
}
