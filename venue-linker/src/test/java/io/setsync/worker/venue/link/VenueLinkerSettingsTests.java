package io.setsync.worker.venue.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VenueLinkerSettingsTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void usesSnapshotsYoungerThanFifteenMinutesByDefault() {
    runner.run(
        context ->
            assertThat(context.getBean(VenueLinkerSettings.class).snapshotMaxAge())
                .isEqualTo(Duration.ofMinutes(15)));
  }

  @Test
  void readsTheSnapshotAgeFromConfiguration() {
    runner
        .withPropertyValues("setsync.venue.snapshot-max-age=2m")
        .run(
            context ->
                assertThat(context.getBean(VenueLinkerSettings.class).snapshotMaxAge())
                    .isEqualTo(Duration.ofMinutes(2)));
  }

  @EnableConfigurationProperties(VenueLinkerSettings.class)
  static class Settings {}
}
