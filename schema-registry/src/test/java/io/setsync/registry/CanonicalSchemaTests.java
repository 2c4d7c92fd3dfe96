package io.setsync.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalSchemaTests {

  @Test
  void whitespaceAndKeyOrderDoNotMakeANewSchema() {
    CanonicalSchema spaced = CanonicalSchema.parse(TestSchemas.v1("Thing"));
    CanonicalSchema reordered =
        CanonicalSchema.parse(
            "{\"fields\":[{\"type\":\"string\",\"name\":\"id\"}],\"namespace\":\"io.setsync.test\","
                + "\"name\":\"Thing\",\"type\":\"record\"}");

    assertThat(reordered.text()).isEqualTo(spaced.text());
    assertThat(reordered.fingerprint()).isEqualTo(spaced.fingerprint());
  }

  @Test
  void aDifferentDefaultIsADifferentSchema() {
    CanonicalSchema withDefault = CanonicalSchema.parse(TestSchemas.v2WithDefault("Thing"));
    CanonicalSchema withoutDefault =
        CanonicalSchema.parse(
            TestSchemas.v2WithDefault("Thing").replace(", \"default\": null", ""));

    assertThat(withoutDefault.fingerprint()).isNotEqualTo(withDefault.fingerprint());
  }

  @Test
  void invalidSchemasAre42201() {
    for (String invalid :
        new String[] {"", "{", "{\"type\":\"nope\"}", "{\"type\":\"record\",\"name\":\"X\"}"}) {
      assertThatThrownBy(() -> CanonicalSchema.parse(invalid))
          .as(invalid)
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    }
  }
}
