package io.setsync.api.backfill;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * An ISO-8601 duration such as {@code P7D}, {@code P1W}, {@code P1M} or {@code P1DT12H}. java.time
 * has no type for it: {@link Duration} takes no years, months or weeks, {@link Period} no hours, so
 * the date part goes to a Period and the time part to a Duration.
 */
final class IsoDuration {

  /** Positive components only; at least one; a time part with at least one component. */
  static final String PATTERN =
      "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?";

  private static final Pattern FORMAT = Pattern.compile(PATTERN);

  private IsoDuration() {}

  static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  /** Whether the duration is longer than zero: a valid text with a digit other than 0. */
  static boolean isPositive(String text) {
    return isValid(text) && text.chars().anyMatch(c -> c >= '1' && c <= '9');
  }

  /** Whether the duration is valid and at most {@code years} long. */
  static boolean isAtMost(String text, int years) {
    if (!isValid(text)) {
      return false;
    }
    Instant end = Instant.parse("2100-01-01T00:00:00Z");
    try {
      return !before(end, text)
          .isBefore(end.atOffset(ZoneOffset.UTC).minusYears(years).toInstant());
    } catch (DateTimeException | ArithmeticException e) {
      return false;
    }
  }

  /** The instant this duration before {@code end}, months and years by the UTC calendar. */
  static Instant before(Instant end, String text) {
    if (!isValid(text)) {
      throw new IllegalArgumentException("Not an ISO-8601 duration: " + text);
    }
    int t = text.indexOf('T');
    String datePart = t < 0 ? text : text.substring(0, t);
    Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
    Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + text.substring(t));
    return end.atOffset(ZoneOffset.UTC).minus(period).toInstant().minus(time);
  }
}
