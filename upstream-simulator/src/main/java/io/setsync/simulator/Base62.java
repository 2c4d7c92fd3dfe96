package io.setsync.simulator;

/** Base62 in Spotify's alphabet: digits, then lower case, then upper case. */
final class Base62 {

  static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private Base62() {}

  static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 36;
    }
    return -1;
  }

  /** Encodes a non-negative value left-padded with zeros to exactly {@code width} digits. */
  static String encode(long value, int width) {
    char[] out = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (value % 62));
      value /= 62;
    }
    if (value != 0) {
      throw new IllegalArgumentException("value does not fit in " + width + " digits");
    }
    return new String(out);
  }

  /** Decodes up to 10 digits; -1 when a character is not base62. */
  static long decode(String text, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int d = digit(text.charAt(i));
      if (d < 0) {
        return -1;
      }
      value = value * 62 + d;
    }
    return value;
  }

  /** A 128-bit value as 22 base62 digits, the form of a Spotify id. */
  static String encode128(long high, long low) {
    // Four 32-bit limbs, most significant first, divided by 62 in place: BigInteger's division
    // was a seventh of the simulator's CPU in the benchmark, which issues an id per song.
    long[] limbs = {high >>> 32, high & 0xFFFFFFFFL, low >>> 32, low & 0xFFFFFFFFL};
    char[] out = new char[22];
    for (int i = 21; i >= 0; i--) {
      long remainder = 0;
      for (int j = 0; j < 4; j++) {
        long current = remainder << 32 | limbs[j];
        limbs[j] = current / 62;
        remainder = current % 62;
      }
      out[i] = ALPHABET.charAt((int) remainder);
    }
    return new String(out);
  }

  /** The {high, low} words of a 22-digit id, or null when it is not a 128-bit base62 number. */
  static long[] decode128(String text) {
    if (text.length() != 22) {
      return null;
    }
    long[] limbs = new long[4];
    for (int i = 0; i < 22; i++) {
      long carry = digit(text.charAt(i));
      if (carry < 0) {
        return null;
      }
      for (int j = 3; j >= 0; j--) {
        long current = limbs[j] * 62 + carry;
        limbs[j] = current & 0xFFFFFFFFL;
        carry = current >>> 32;
      }
      if (carry != 0) {
        return null; // 2^128 or more
      }
    }
    return new long[] {limbs[0] << 32 | limbs[1], limbs[2] << 32 | limbs[3]};
  }
}
