package io.setsync.upstream.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a 429 asks to wait: {@code Retry-After} in seconds or as an HTTP date (Spotify, RFC
 * 9110), else Ticketmaster's {@code Rate-Limit-Reset} (epoch millis) when its quota is used up.
 */
final class RetryAfter {

  private RetryAfter() {}

  static Optional<Duration> of(HttpHeaders headers, Clock clock) {
    Optional<String> retryAfter = headers.firstValue("Retry-After");
    if (retryAfter.isPresent()) {
      String value = retryAfter.get().trim();
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException notDate) {
          return Optional.empty();
        }
      }
    }
    boolean quotaUsedUp =
        headers.firstValue("Rate-Limit-Available").map(v -> v.trim().equals("0")).orElse(false);
    Optional<String> reset = headers.firstValue("Rate-Limit-Reset");
    if (quotaUsedUp && reset.isPresent()) {
      try {
        Instant at = Instant.ofEpochMilli(Long.parseLong(reset.get().trim()));
        return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
