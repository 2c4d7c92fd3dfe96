package io.setsync.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkerSettingsTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Settings.class)
          .withPropertyValues("setsync.worker.name=test-worker");

  @Test
  void keepsTheLedgerEightDaysAndPurgesEveryTenMinutesByDefault() {
    runner.run(
        context -> {
          WorkerSettings.Ledger ledger = context.getBean(WorkerSettings.class).ledger();
          assertThat(ledger.retention()).isEqualTo(Duration.ofDays(8));
          assertThat(ledger.purgeInterval()).isEqualTo(Duration.ofMinutes(10));
        });
  }

  @Test
  void refusesALedgerRetentionNoLongerThanTheFreshness() {
    runner
        .withPropertyValues("setsync.worker.fresh-for=2d", "setsync.worker.ledger.retention=2d")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("ledger.retention must be longer than fresh-for"));
  }

  @EnableConfigurationProperties(WorkerSettings.class)
  static class Settings {}
}
