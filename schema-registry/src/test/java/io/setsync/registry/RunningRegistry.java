package io.setsync.registry;

import io.setsync.testsupport.TestInfrastructure;
import java.net.URI;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry application on a random port, on the shared migrated PostgreSQL and Kafka broker.
 * One Spring context serves every test class that extends it; they use their own subjects.
 */
@SpringBootTest(
    classes = SchemaRegistryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningRegistry {

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerProperties(registry);
  }

  protected URI registryUrl() {
    return URI.create("http://localhost:" + port);
  }

  protected RegistryHttp http() {
    return new RegistryHttp(registryUrl());
  }
}
