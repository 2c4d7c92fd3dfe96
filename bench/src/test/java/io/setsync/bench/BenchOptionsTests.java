package io.setsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTests {

  @Test
  void runsEveryStepByDefault() {
    BenchOptions options = BenchOptions.parse(new String[0]);

    assertThat(BenchOptions.STEPS).allMatch(options::includes);
    assertThat(options.before()).isNull();
  }

  @Test
  void onlyRunsTheNamedSteps() {
    BenchOptions options =
        BenchOptions.parse(new String[] {"--only", "post,quota", "--before", "old.json"});

    assertThat(options.includes("post")).isTrue();
    assertThat(options.includes("quota")).isTrue();
    assertThat(options.includes("throughput")).isFalse();
    assertThat(options.includesAny("throughput", "post")).isTrue();
    assertThat(options.before()).isEqualTo(Path.of("old.json"));
  }

  @Test
  void refusesAnUnknownStep() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--only", "post,nap"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown step nap");
  }

  @Test
  void takesThePostRate() {
    assertThat(BenchOptions.parse(new String[0]).postRate()).isEqualTo(500);
    assertThat(BenchOptions.parse(new String[] {"--post-rate", "250"}).postRate()).isEqualTo(250);
    assertThat(BenchOptions.parse(new String[0]).postWarmUp()).hasSeconds(30);
    assertThat(BenchOptions.parse(new String[] {"--post-warm-up-seconds", "5"}).postWarmUp())
        .hasSeconds(5);
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--post-rate", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--post-rate");
  }
}
