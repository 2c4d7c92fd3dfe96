package io.setsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Base62Tests {

  private static final BigInteger WORD = BigInteger.ONE.shiftLeft(64);

  @Test
  void encodes128BitValuesAsTheirBase62Digits() {
    SplittableRandom random = new SplittableRandom(62);
    long[][] edges = {{0, 0}, {0, 1}, {-1, -1}, {Long.MIN_VALUE, 0}, {0, Long.MIN_VALUE}, {1, 0}};
    for (long[] words : edges) {
      assertThat(Base62.encode128(words[0], words[1])).isEqualTo(reference(words[0], words[1]));
    }
    for (int i = 0; i < 10_000; i++) {
      long high = random.nextLong();
      long low = random.nextLong();
      String id = Base62.encode128(high, low);

      assertThat(id).isEqualTo(reference(high, low));
      assertThat(Base62.decode128(id)).containsExactly(high, low);
    }
  }

  @Test
  void decodesOnly22DigitsBelow2To128() {
    assertThat(Base62.decode128(Base62.encode128(-1, -1))).containsExactly(-1L, -1L);
    String twoTo128 = digits(BigInteger.ONE.shiftLeft(128));
    assertThat(twoTo128).hasSize(22);
    assertThat(Base62.decode128(twoTo128)).isNull();
    assertThat(Base62.decode128("zzzzzzzzzzzzzzzzzzzzzz")).isNull();
    assertThat(Base62.decode128("ZZZZZZZZZZZZZZZZZZZZZZ")).isNull();
    assertThat(Base62.decode128("0000000000000000000000")).containsExactly(0L, 0L);
    assertThat(Base62.decode128("000000000000000000000")).isNull();
    assertThat(Base62.decode128("000000000000000000000-")).isNull();
  }

  private static String reference(long high, long low) {
    BigInteger value =
        new BigInteger(Long.toUnsignedString(high))
            .multiply(WORD)
            .add(new BigInteger(Long.toUnsignedString(low)));
    String digits = digits(value);
    return "0".repeat(22 - digits.length()) + digits;
  }

  private static String digits(BigInteger value) {
    StringBuilder out = new StringBuilder();
    BigInteger base = BigInteger.valueOf(62);
    do {
      BigInteger[] qr = value.divideAndRemainder(base);
      out.append(Base62.ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    } while (value.signum() > 0);
    return out.reverse().toString();
  }
}
