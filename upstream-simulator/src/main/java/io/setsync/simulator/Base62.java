package io.setsync.simulator;

import java.math.BigInteger;

/** Base62 in Spotify's alphabet: digits, then lower case, then upper case. */
final class Base62 {

  static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final BigInteger BASE = BigInteger.valueOf(62);
  private static final BigInteger TWO_TO_128 = BigInteger.ONE.shiftLeft(128);
  private static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

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
    BigInteger value =
        BigInteger.valueOf(high)
            .and(MASK_64)
            .shiftLeft(64)
            .or(BigInteger.valueOf(low).and(MASK_64));
    char[] out = new char[22];
    for (int i = 21; i >= 0; i--) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      out[i] = ALPHABET.charAt(qr[1].intValue());
      value = qr[0];
    }
    return new String(out);
  }

  /** The {high, low} words of a 22-digit id, or null when it is not a 128-bit base62 number. */
  static long[] decode128(String text) {
    if (text.length() != 22) {
      return null;
    }
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < 22; i++) {
      int d = digit(text.charAt(i));
      if (d < 0) {
        return null;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(d));
    }
    if (value.compareTo(TWO_TO_128) >= 0) {
      return null;
    }
    return new long[] {value.shiftRight(64).longValue(), value.longValue()};
  }
}
