package io.setsync.worker.venue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Syncs venues from Ticketmaster and links shows to them. */
@SpringBootApplication
public class VenueLinkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(VenueLinkerApplication.class, args);
  }
}
