package io.setsync.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every earlier version of each event schema stays in {@code src/main/avro/history}; the current
 * schema must read data written with all of them (backward-transitive compatibility).
 */
class SchemaHistoryTests {

  private static final Path HISTORY = Path.of("src/main/avro/history");
  private static final Path CURRENT = Path.of("src/main/avro/current");

  static Stream<Schema> currentSchemas() {
    return Stream.of(
        SyncRequested.getClassSchema(),
        SyncStarted.getClassSchema(),
        SyncCompleted.getClassSchema(),
        SyncFailed.getClassSchema());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentSchemas")
  void currentSchemaReadsEveryEarlierVersion(Schema current) throws IOException {
    // given
    List<Path> versions = versions(current.getName());

    // then
    assertThat(versions).as("history of %s", current.getName()).isNotEmpty();
    for (Path version : versions) {
      Schema old = parse(version);
      assertThat(incompatibilities(current, old))
          .as("%s cannot read data written with %s", current.getFullName(), version)
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentSchemas")
  void latestHistoryVersionIsTheCurrentSchema(Schema current) throws IOException {
    // given
    List<Path> versions = versions(current.getName());
    Schema latest = parse(versions.get(versions.size() - 1));

    // then: a changed schema must be added to the history as a new version
    assertThat(latest.toString())
        .as(
            "add current/%s.avsc to history/%s as a new version",
            current.getName(), current.getName())
        .isEqualTo(parse(CURRENT.resolve(current.getName() + ".avsc")).toString());
  }

  @Test
  void everyCurrentSchemaHasAHistory() throws IOException {
    try (Stream<Path> files = Files.list(CURRENT)) {
      List<String> names =
          files.map(file -> file.getFileName().toString().replace(".avsc", "")).toList();
      assertThat(names).allSatisfy(name -> assertThat(HISTORY.resolve(name)).isDirectory());
      assertThat(names)
          .containsExactlyInAnyOrder("SyncRequested", "SyncStarted", "SyncCompleted", "SyncFailed");
    }
  }

  @Test
  void checkRejectsANewFieldWithoutDefault() throws IOException {
    // given: v1 of SyncStarted and a "new version" adding a field without a default
    Schema v1 = parse(versions("SyncStarted").get(0));
    Schema incompatible = withExtraField(SyncStarted.getClassSchema(), "workerId", false);

    // when
    List<Incompatibility> problems = incompatibilities(incompatible, v1);

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.getType())
                    .isEqualTo(
                        SchemaCompatibility.SchemaIncompatibilityType
                            .READER_FIELD_MISSING_DEFAULT_VALUE));
  }

  @Test
  void checkAcceptsANewFieldWithDefault() throws IOException {
    Schema v1 = parse(versions("SyncStarted").get(0));
    Schema compatible = withExtraField(SyncStarted.getClassSchema(), "workerId", true);

    assertThat(incompatibilities(compatible, v1)).isEmpty();
  }

  @Test
  void checkRejectsARemovedEnumSymbolWithoutDefault() throws IOException {
    // given: SyncRequested whose SyncReason lost BACKFILL (SyncReason has no default symbol)
    Schema v1 = parse(versions("SyncRequested").get(0));
    String text =
        SyncRequested.getClassSchema()
            .toString()
            .replace("\"SCHEDULED\",\"BACKFILL\"]", "\"SCHEDULED\"]");
    Schema withoutBackfill = new Schema.Parser().parse(text);

    // then
    assertThat(incompatibilities(withoutBackfill, v1))
        .extracting(Incompatibility::getType)
        .containsExactly(SchemaCompatibility.SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS);
  }

  static List<Incompatibility> incompatibilities(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
        .getResult()
        .getIncompatibilities();
  }

  private static List<Path> versions(String name) throws IOException {
    try (Stream<Path> files = Files.list(HISTORY.resolve(name))) {
      return files
          .filter(file -> file.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(SchemaHistoryTests::versionNumber))
          .toList();
    }
  }

  private static int versionNumber(Path file) {
    return Integer.parseInt(file.getFileName().toString().replaceAll("\\D", ""));
  }

  private static Schema parse(Path file) throws IOException {
    return new Schema.Parser().parse(file.toFile());
  }

  private static Schema withExtraField(Schema schema, String name, boolean withDefault) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    Schema string = Schema.create(Schema.Type.STRING);
    fields.add(
        withDefault
            ? new Schema.Field(name, string, null, "unknown")
            : new Schema.Field(name, string));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
