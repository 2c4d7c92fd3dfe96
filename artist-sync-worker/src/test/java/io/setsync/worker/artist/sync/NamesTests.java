package io.setsync.worker.artist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTests {

  @Test
  void matchesExactlyIgnoringCaseAndSpacing() {
    assertThat(Names.same("Velvet Harbor Band", " velvet  harbor band")).isTrue();
    assertThat(Names.same("Velvet Harbor Band", "Velvet Harbor")).isFalse();
    assertThat(Names.same("Velvet Harbor Band", null)).isFalse();
  }
}
