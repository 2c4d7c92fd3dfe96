package io.setsync.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Confluent-compatible schema registry endpoint backed by PostgreSQL. */
@SpringBootApplication
public class SchemaRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(SchemaRegistryApplication.class, args);
  }
}
