package io.setsync.worker.show.setlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SetlistSettingsTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void defaultsToTwentySongsAndRefreshOnArtistSync() {
    runner.run(
        context -> {
          SetlistSettings settings = context.getBean(SetlistSettings.class);
          assertThat(settings.maxSongs()).isEqualTo(20);
          assertThat(settings.refreshOnArtistSync()).isTrue();
        });
  }

  @Test
  void refusesToStartWithoutAnySongPerSetlist() {
    runner
        .withPropertyValues("setsync.show.setlist.max-songs=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("maxSongs"));
  }

  @EnableConfigurationProperties(SetlistSettings.class)
  static class Settings {}
}
