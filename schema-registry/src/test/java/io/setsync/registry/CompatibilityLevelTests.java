package io.setsync.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTests {

  private final Schema v1 = schema(TestSchemas.v1("Thing"));
  private final Schema v2 = schema(TestSchemas.v2WithDefault("Thing"));
  private final Schema required = schema(TestSchemas.withRequiredField("Thing"));

  @Test
  void parsesConfluentNamesInAnyCase() {
    assertThat(CompatibilityLevel.parse("full_transitive"))
        .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThatThrownBy(() -> CompatibilityLevel.parse("SOME"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }

  @Test
  void backwardMeansTheNewSchemaReadsOldData() {
    assertThat(CompatibilityLevel.BACKWARD.problems(v2, List.of(v1))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD.problems(required, List.of(v1)))
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    // dropping a field: the new schema still reads old data
    assertThat(CompatibilityLevel.BACKWARD.problems(v1, List.of(required))).isEmpty();
  }

  @Test
  void forwardMeansOldReadersReadNewData() {
    assertThat(CompatibilityLevel.FORWARD.problems(required, List.of(v1))).isEmpty();
    assertThat(CompatibilityLevel.FORWARD.problems(v1, List.of(required))).isNotEmpty();
  }

  @Test
  void fullNeedsBothAndNoneNeither() {
    assertThat(CompatibilityLevel.FULL.problems(v2, List.of(v1))).isEmpty();
    assertThat(CompatibilityLevel.FULL.problems(required, List.of(v1))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.problems(v1, List.of(required))).isNotEmpty();
    assertThat(CompatibilityLevel.NONE.problems(required, List.of(v1))).isEmpty();
  }

  @Test
  void onlyTransitiveLevelsLookPastTheLatestVersion() {
    assertThat(CompatibilityLevel.BACKWARD.problems(required, List.of(v1, required))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(required, List.of(v1, required)))
        .isNotEmpty();
  }

  @Test
  void firstVersionIsAlwaysCompatible() {
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.problems(required, List.of())).isEmpty();
  }

  private static Schema schema(String text) {
    return new Schema.Parser().parse(text);
  }
}
