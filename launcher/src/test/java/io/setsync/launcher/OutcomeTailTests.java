package io.setsync.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeTailTests {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void helpPrintsTheUsageAndExitsZero(String flag) {
    // when
    OptionalInt exit = handle(flag);

    // then
    assertThat(exit).hasValue(0);
    assertThat(text(out))
        .startsWith("usage: ./setsync events")
        .contains("sync.outcomes")
        .contains("SETSYNC_KAFKA_PORT")
        .contains("(default 9092)")
        .contains("SETSYNC_SCHEMA_REGISTRY_PORT")
        .contains("(default 8081)");
    assertThat(text(err)).isEmpty();
  }

  @Test
  void unknownArgumentPrintsTheUsageToStderrAndExitsTwo() {
    // when
    OptionalInt exit = handle("-h", "--from-end");

    // then
    assertThat(exit).hasValue(2);
    assertThat(text(err))
        .startsWith("unknown argument: --from-end")
        .contains("usage: ./setsync events");
    assertThat(text(out)).isEmpty();
  }

  @Test
  void noArgumentsTailsTheTopic() {
    // when
    OptionalInt exit = handle();

    // then
    assertThat(exit).isEmpty();
    assertThat(text(out)).isEmpty();
    assertThat(text(err)).isEmpty();
  }

  private OptionalInt handle(String... args) {
    return OutcomeTail.handleArguments(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
