package io.setsync.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The frontend's door: accepts sync requests and projects their outcomes. */
@SpringBootApplication
public class SyncApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(SyncApiApplication.class, args);
  }
}
