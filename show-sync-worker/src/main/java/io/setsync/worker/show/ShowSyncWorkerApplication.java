package io.setsync.worker.show;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Syncs shows from Ticketmaster and computes setlist suggestions. */
@SpringBootApplication
public class ShowSyncWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShowSyncWorkerApplication.class, args);
  }
}
