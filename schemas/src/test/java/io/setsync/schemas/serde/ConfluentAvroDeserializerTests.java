package io.setsync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncErrorCode;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncStarted;
import io.setsync.schemas.registry.SchemaRegistryClient;
import io.setsync.schemas.registry.StubSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Golden bytes written by hand from the Confluent and Avro specifications, and bad input. */
class ConfluentAvroDeserializerTests {

  /** "00000000-0000-0000-0000-00000000000" in ASCII: a UUID string without its last digit. */
  private static final String UUID_35_CHARS =
      "3030303030303030"
          + "2d"
          + "30303030"
          + "2d"
          + "30303030"
          + "2d"
          + "30303030"
          + "2d"
          + "3030303030303030303030";

  /** A string of 36 chars: length 36, zig-zag 72 = 0x48, then the UTF-8 bytes. */
  private static String uuidEndingIn(char last) {
    return "48" + UUID_35_CHARS + "3" + last;
  }

  private static final String SYNC_STARTED_GOLDEN =
      "00" // magic byte
          + "00000007" // schema id 7, big-endian
          + uuidEndingIn('1') // eventId
          + uuidEndingIn('2') // syncId
          + uuidEndingIn('3') // rootSyncId
          + "02" // parentSyncId: union branch 1 (string), zig-zag 2
          + uuidEndingIn('4')
          + "02" // entityType: SHOW, symbol 1, zig-zag 2
          + uuidEndingIn('5') // entityId
          // occurredAt 2026-01-01T00:00:00Z = 1767225600000 ms, zig-zag 3534451200000,
          // 7-bit groups least significant first, high bit = more follow
          + "80a0d5edee66"
          + "08" // producer: length 4, zig-zag 8
          + "74657374" // "test"
          + "04"; // attempt 2, zig-zag 4

  private static final String SYNC_COMPLETED_GOLDEN =
      "00"
          + "00000102" // schema id 258
          + uuidEndingIn('1')
          + uuidEndingIn('2')
          + uuidEndingIn('2') // rootSyncId = syncId
          + "00" // parentSyncId: union branch 0, null, no bytes follow
          + "00" // entityType: ARTIST, symbol 0
          + uuidEndingIn('5')
          + "b8b7d5edee66" // occurredAt 1767225601500 ms
          + "08"
          + "74657374" // producer "test"
          + "80a0d5edee66" // startedAt 1767225600000 ms
          + "b817" // durationMs 1500, zig-zag 3000 = 0b1011_1011_1000
          + "01" // changed: true
          + "02" // counts: a block of 1 entry
          + "0a"
          + "736f6e6773" // key "songs"
          + "06" // value 3L
          + "00" // end of map
          + "02"
          + "06"
          + "616263" // spotifyId: branch 1, "abc"
          + "00"; // ticketmasterId: null

  private final StubSchemaRegistry registry = new StubSchemaRegistry();
  private final ConfluentAvroDeserializer deserializer =
      new ConfluentAvroDeserializer(new SchemaRegistryClient(registry.url()));

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void decodesSyncStartedFromHandWrittenBytes() {
    // given
    registry.put("sync.outcomes-io.setsync.events.SyncStarted", 7, SyncStarted.getClassSchema());

    // when
    Object decoded = deserializer.deserialize("sync.outcomes", hex(SYNC_STARTED_GOLDEN));

    // then
    assertThat(decoded).isEqualTo(goldenStarted());
  }

  @Test
  void encodesSyncStartedToTheHandWrittenBytes() {
    // given
    registry.put("sync.outcomes-io.setsync.events.SyncStarted", 7, SyncStarted.getClassSchema());
    ConfluentAvroSerializer serializer =
        new ConfluentAvroSerializer(new SchemaRegistryClient(registry.url()));

    // when
    byte[] bytes = serializer.serialize("sync.outcomes", goldenStarted());

    // then
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(SYNC_STARTED_GOLDEN);
  }

  @Test
  void decodesSyncCompletedWithMapAndNullsFromHandWrittenBytes() {
    // given
    registry.put(
        "sync.outcomes-io.setsync.events.SyncCompleted", 258, SyncCompleted.getClassSchema());

    // when
    Object decoded = deserializer.deserialize("sync.outcomes", hex(SYNC_COMPLETED_GOLDEN));

    // then
    assertThat(decoded)
        .isEqualTo(
            SyncCompleted.newBuilder()
                .setEventId(uuid('1'))
                .setSyncId(uuid('2'))
                .setRootSyncId(uuid('2'))
                .setParentSyncId(null)
                .setEntityType(EntityType.ARTIST)
                .setEntityId(uuid('5'))
                .setOccurredAt(Instant.parse("2026-01-01T00:00:01.500Z"))
                .setProducer("test")
                .setStartedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setDurationMs(1500)
                .setChanged(true)
                .setCounts(Map.of("songs", 3L))
                .setSpotifyId("abc")
                .setTicketmasterId(null)
                .build());
  }

  @Test
  void wrongMagicByteIsASerializationException() {
    byte[] bytes = hex(SYNC_STARTED_GOLDEN);
    bytes[0] = 0x01;

    assertThatThrownBy(() -> deserializer.deserialize("sync.outcomes", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x01")
        .hasMessageContaining("sync.outcomes");
  }

  @Test
  void plainJsonIsASerializationException() {
    byte[] json = "{\"syncId\":\"x\"}".getBytes();

    assertThatThrownBy(() -> deserializer.deserialize("sync.outcomes", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x7b");
  }

  @Test
  void recordShorterThanTheHeaderIsASerializationException() {
    assertThatThrownBy(() -> deserializer.deserialize("sync.outcomes", hex("000000")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Truncated record")
        .hasMessageContaining("3 bytes");
  }

  @Test
  void unknownSchemaIdIsASerializationException() {
    assertThatThrownBy(() -> deserializer.deserialize("sync.outcomes", hex(SYNC_STARTED_GOLDEN)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown schema id 7")
        .hasMessageContaining("40403");
  }

  @Test
  void truncatedPayloadIsASerializationException() {
    registry.put("sync.outcomes-io.setsync.events.SyncStarted", 7, SyncStarted.getClassSchema());
    byte[] golden = hex(SYNC_STARTED_GOLDEN);
    byte[] truncated = Arrays.copyOf(golden, golden.length - 6);

    assertThatThrownBy(() -> deserializer.deserialize("sync.outcomes", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Truncated or corrupt Avro payload")
        .hasMessageContaining("schema id 7");
  }

  @Test
  void trailingBytesAreASerializationException() {
    registry.put("sync.outcomes-io.setsync.events.SyncStarted", 7, SyncStarted.getClassSchema());

    assertThatThrownBy(
            () -> deserializer.deserialize("sync.outcomes", hex(SYNC_STARTED_GOLDEN + "00")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("bytes left over");
  }

  @Test
  void recordTypeWithoutGeneratedClassIsASerializationException() {
    Schema unknown =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Unheard\",\"namespace\":\"io.setsync.events\","
                    + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    registry.put("sync.outcomes-io.setsync.events.Unheard", 9, unknown);

    assertThatThrownBy(() -> deserializer.deserialize("sync.outcomes", hex("000000000902")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("No generated Avro class for io.setsync.events.Unheard");
  }

  @Test
  void incompatibleWriterSchemaIsASerializationException() {
    // given: a writer whose attempt is a string, which an int field cannot read
    Schema started = SyncStarted.getClassSchema();
    Schema attemptAsString =
        Schema.createRecord(
            started.getName(),
            null,
            started.getNamespace(),
            false,
            started.getFields().stream()
                .map(
                    field ->
                        field.name().equals("attempt")
                            ? new Schema.Field("attempt", Schema.create(Schema.Type.STRING))
                            : new Schema.Field(field, field.schema()))
                .toList());
    registry.put("sync.outcomes-io.setsync.events.SyncStarted", 11, attemptAsString);

    assertThatThrownBy(() -> deserializer.deserialize("sync.outcomes", hex("000000000b")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot be read as this build's io.setsync.events.SyncStarted")
        .hasMessageContaining("TYPE_MISMATCH");
  }

  @Test
  void recordWrittenWithAnOlderSchemaGetsTheDefaults() throws IOException {
    // given: a SyncStarted written before the field attempt existed
    Schema withoutAttempt = withoutField(SyncStarted.getClassSchema(), "attempt");
    registry.put("sync.outcomes-io.setsync.events.SyncStarted", 12, withoutAttempt);
    GenericRecord old = commonFields(new GenericData.Record(withoutAttempt));

    // when
    SyncStarted decoded =
        (SyncStarted) deserializer.deserialize("sync.outcomes", confluent(12, old));

    // then
    assertThat(decoded.getAttempt()).isEqualTo(1);
    assertThat(decoded.getSyncId()).isEqualTo(uuid('2'));
  }

  @Test
  void unknownErrorCodeFromANewerSchemaReadsAsInternal() throws IOException {
    // given: a newer SyncFailed with one more error code and one more field
    Schema newer =
        new Schema.Parser()
            .parse(
                SyncFailed.getClassSchema()
                    .toString()
                    .replace("\"TIMED_OUT\",", "\"TIMED_OUT\",\"UPSTREAM_GONE\",")
                    .replace(
                        "{\"name\":\"retryable\"",
                        "{\"name\":\"upstream\",\"type\":\"string\",\"default\":\"\"},"
                            + "{\"name\":\"retryable\""));
    registry.put("sync.outcomes-io.setsync.events.SyncFailed", 13, newer);
    GenericRecord failed = commonFields(new GenericData.Record(newer));
    failed.put(
        "errorCode",
        new GenericData.EnumSymbol(newer.getField("errorCode").schema(), "UPSTREAM_GONE"));
    failed.put("errorMessage", "gone");
    failed.put("upstream", "ticketmaster");
    failed.put("retryable", false);
    failed.put("attempt", 1);
    failed.put("final", true);

    // when
    SyncFailed decoded =
        (SyncFailed) deserializer.deserialize("sync.outcomes", confluent(13, failed));

    // then
    assertThat(decoded.getErrorCode()).isEqualTo(SyncErrorCode.INTERNAL);
    assertThat(decoded.getErrorMessage()).isEqualTo("gone");
    assertThat(decoded.getFinal$()).isTrue();
  }

  private static SyncStarted goldenStarted() {
    return SyncStarted.newBuilder()
        .setEventId(uuid('1'))
        .setSyncId(uuid('2'))
        .setRootSyncId(uuid('3'))
        .setParentSyncId(uuid('4'))
        .setEntityType(EntityType.SHOW)
        .setEntityId(uuid('5'))
        .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
        .setProducer("test")
        .setAttempt(2)
        .build();
  }

  private static UUID uuid(char last) {
    return UUID.fromString("00000000-0000-0000-0000-00000000000" + last);
  }

  private static GenericRecord commonFields(GenericRecord record) {
    record.put("eventId", uuid('1').toString());
    record.put("syncId", uuid('2').toString());
    record.put("rootSyncId", uuid('2').toString());
    record.put("parentSyncId", null);
    record.put(
        "entityType",
        new GenericData.EnumSymbol(record.getSchema().getField("entityType").schema(), "ARTIST"));
    record.put("entityId", uuid('5').toString());
    record.put("occurredAt", 1767225600000L);
    record.put("producer", "test");
    return record;
  }

  private static byte[] confluent(int id, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static Schema withoutField(Schema schema, String name) {
    return Schema.createRecord(
        schema.getName(),
        schema.getDoc(),
        schema.getNamespace(),
        false,
        schema.getFields().stream()
            .filter(field -> !field.name().equals(name))
            .map(field -> new Schema.Field(field, field.schema()))
            .toList());
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
