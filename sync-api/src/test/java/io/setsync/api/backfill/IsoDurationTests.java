package io.setsync.api.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDurationTests {

  private static final Instant END = Instant.parse("2026-03-31T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "P7D, 2026-03-24T12:00:00Z",
    "P1W, 2026-03-24T12:00:00Z",
    "P1M, 2026-02-28T12:00:00Z",
    "P1Y, 2025-03-31T12:00:00Z",
    "PT12H, 2026-03-31T00:00:00Z",
    "PT90M, 2026-03-31T10:30:00Z",
    "PT0.5S, 2026-03-31T11:59:59.500Z",
    "P1DT12H, 2026-03-30T00:00:00Z",
    "P1Y2M3DT4H5M6S, 2025-01-28T07:54:54Z"
  })
  void countsBackByTheUtcCalendarAndClock(String duration, Instant expected) {
    assertThat(IsoDuration.isValid(duration)).isTrue();
    assertThat(IsoDuration.isPositive(duration)).isTrue();
    assertThat(IsoDuration.before(END, duration)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "P", "PT", "7D", "P-1D", "P1.5D", "P1DT", "a week", "P1H", "pt1h"})
  void refusesWhatIsNotAnIsoDuration(String text) {
    assertThat(IsoDuration.isValid(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"P100Y", "P36500D", "PT876000H"})
  void aCenturyIsTheLongest(String text) {
    assertThat(IsoDuration.isAtMost(text, 100)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"P101Y", "P300000Y", "P99999999999D", "PT99999999999999999999H"})
  void longerThanACenturyOrBeyondTheCalendarIsRefused(String text) {
    assertThat(IsoDuration.isValid(text)).isTrue();
    assertThat(IsoDuration.isAtMost(text, 100)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"P0D", "PT0S", "PT0.0S", "P0Y0M0W0DT0H0M0S"})
  void aZeroDurationIsValidButNotPositive(String text) {
    assertThat(IsoDuration.isValid(text)).isTrue();
    assertThat(IsoDuration.isPositive(text)).isFalse();
  }
}
