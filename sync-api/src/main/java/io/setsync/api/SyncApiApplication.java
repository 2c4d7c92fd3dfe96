package io.setsync.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The frontend's door: accepts sync requests and projects their outcomes. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SyncApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(SyncApiApplication.class, args);
  }
}
