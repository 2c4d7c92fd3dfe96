package io.setsync.registry.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IndependentConfluentDecoderTests {

  @Test
  void decoderUsesNothingOfSetsync() throws IOException {
    String source =
        Files.readString(
            Path.of(
                "src/test/java/io/setsync/registry/independent/IndependentConfluentDecoder.java"));

    assertThat(source.lines().filter(line -> line.startsWith("import ")))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "import (java\\.|org\\.apache\\.avro\\.(Schema|generic|io)|tools\\.jackson\\.).*"));
    assertThat(source).doesNotContain("io.setsync.schemas").doesNotContain("io.setsync.events");
  }
}
