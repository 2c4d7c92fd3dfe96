package io.setsync.schemas.serde;

/** The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, Avro. */
final class WireFormat {

  static final byte MAGIC_BYTE = 0x0;
  static final int HEADER_SIZE = 5;

  private WireFormat() {}
}
