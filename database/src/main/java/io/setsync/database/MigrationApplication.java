package io.setsync.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Applies the Setsync changelog to the configured database, then exits. Run once per deployment (a
 * Kubernetes Job, a one-shot compose service, or the local launcher) so that services never race to
 * migrate at start-up; they all run with {@code spring.liquibase.enabled=false}.
 */
@SpringBootApplication
public class MigrationApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(MigrationApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    System.exit(SpringApplication.exit(application.run(args)));
  }
}
