package io.setsync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.setsync.events.SyncStarted;
import io.setsync.schemas.registry.SchemaRegistryClient;
import io.setsync.schemas.registry.StubSchemaRegistry;
import io.setsync.schemas.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfluentAvroSerdeTests {

  private final StubSchemaRegistry registry = new StubSchemaRegistry();
  private final ConfluentAvroSerializer serializer = configured(new ConfluentAvroSerializer());
  private final ConfluentAvroDeserializer deserializer =
      new ConfluentAvroDeserializer(new SchemaRegistryClient(registry.url()));

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  static Iterable<SpecificRecord> events() {
    return SampleEvents.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void eventRoundTrips(SpecificRecord event) {
    // when
    byte[] bytes = serializer.serialize(Topics.OUTCOMES.name(), event);

    // then
    assertThat(deserializer.deserialize(Topics.OUTCOMES.name(), bytes))
        .isEqualTo(event)
        .isInstanceOf(event.getClass());
  }

  static Stream<Arguments> eventsWithIds() {
    return Stream.of(
        arguments(SampleEvents.requested(), 0x01020304, "0001020304"),
        arguments(SampleEvents.started(), 0x7f000001, "007f000001"),
        arguments(SampleEvents.completed(), 0x00000100, "0000000100"),
        arguments(SampleEvents.failed(), 0x00abcdef, "0000abcdef"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventsWithIds")
  void serializerWritesTheHeaderThenPlainAvroBinary(SpecificRecord event, int id, String header)
      throws IOException {
    // given: the schema is registered under the id
    registry.put("sync.outcomes-" + event.getSchema().getFullName(), id, event.getSchema());

    // when
    byte[] bytes = serializer.serialize(Topics.OUTCOMES.name(), event);

    // then: 0x00, the id big-endian, then exactly what Avro's generic writer writes
    assertThat(bytes).isEqualTo(concat(HexFormat.of().parseHex(header), genericBinary(event)));
  }

  @Test
  void serializerUsesTopicRecordSubjectsAndRegistersOncePerSubject() {
    // when
    serializer.serialize("sync.outcomes", SampleEvents.started());
    serializer.serialize("sync.outcomes", SampleEvents.started());
    serializer.serialize("sync.outcomes", SampleEvents.failed());
    serializer.serialize("sync.requested.show", SampleEvents.requested());

    // then
    assertThat(registry.requests())
        .extracting(StubSchemaRegistry.Request::path)
        .containsExactly(
            "/subjects/sync.outcomes-io.setsync.events.SyncStarted/versions",
            "/subjects/sync.outcomes-io.setsync.events.SyncFailed/versions",
            "/subjects/sync.requested.show-io.setsync.events.SyncRequested/versions");
  }

  @Test
  void serializerWithoutAutoRegisterOnlyLooksUp() {
    // given
    ConfluentAvroSerializer lookupOnly = new ConfluentAvroSerializer();
    lookupOnly.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            registry.url().toString(),
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            "false"),
        false);
    registry.put("sync.outcomes-io.setsync.events.SyncStarted", 42, SyncStarted.getClassSchema());

    // when
    byte[] bytes = lookupOnly.serialize("sync.outcomes", SampleEvents.started());

    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(42);
    assertThat(registry.requests())
        .extracting(StubSchemaRegistry.Request::method, StubSchemaRegistry.Request::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "POST", "/subjects/sync.outcomes-io.setsync.events.SyncStarted"));
    assertThatThrownBy(() -> lookupOnly.serialize("sync.outcomes", SampleEvents.failed()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot find io.setsync.events.SyncFailed")
        .hasMessageContaining("40401");
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serializer.serialize("sync.outcomes", null)).isNull();
    assertThat(deserializer.deserialize("sync.outcomes", null)).isNull();
  }

  @Test
  void invalidRecordIsASerializationException() {
    SyncStarted missingProducer = SampleEvents.started();
    missingProducer.setProducer(null);

    assertThatThrownBy(() -> serializer.serialize("sync.outcomes", missingProducer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.setsync.events.SyncStarted")
        .hasMessageContaining("producer");
  }

  @Test
  void missingRegistryUrlIsAConfigError() {
    assertThatThrownBy(() -> new ConfluentAvroSerializer().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> new ConfluentAvroDeserializer().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void registryErrorIsASerializationException() {
    registry.failWith(
        409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");

    assertThatThrownBy(
            () -> serializer.serialize("sync.requested.artist", SampleEvents.requested()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("sync.requested.artist-io.setsync.events.SyncRequested")
        .hasMessageContaining("incompatible");
  }

  private ConfluentAvroSerializer configured(ConfluentAvroSerializer serializer) {
    serializer.configure(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString()), false);
    return serializer;
  }

  private static byte[] genericBinary(SpecificRecord event) throws IOException {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.UUIDConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<Object>(event.getSchema(), model).write(event, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
