package io.setsync.upstream.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTests {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void readsSeconds() {
    assertThat(RetryAfter.of(headers(Map.of("Retry-After", "4")), CLOCK))
        .hasValue(Duration.ofSeconds(4));
  }

  @Test
  void readsAnHttpDate() {
    assertThat(
            RetryAfter.of(headers(Map.of("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT")), CLOCK))
        .hasValue(Duration.ofSeconds(30));
  }

  @Test
  void readsTicketmastersResetOnlyWhenTheQuotaIsUsedUp() {
    String inAMinute = Long.toString(NOW.plusSeconds(60).toEpochMilli());

    assertThat(
            RetryAfter.of(
                headers(Map.of("Rate-Limit-Available", "0", "Rate-Limit-Reset", inAMinute)), CLOCK))
        .hasValue(Duration.ofSeconds(60));
    assertThat(
            RetryAfter.of(
                headers(Map.of("Rate-Limit-Available", "4211", "Rate-Limit-Reset", inAMinute)),
                CLOCK))
        .isEmpty();
  }

  @Test
  void saysNothingWithoutHeaders() {
    assertThat(RetryAfter.of(headers(Map.of()), CLOCK)).isEmpty();
    assertThat(RetryAfter.of(headers(Map.of("Retry-After", "soon")), CLOCK)).isEmpty();
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    values.forEach((name, value) -> map.put(name, List.of(value)));
    return HttpHeaders.of(map, (name, value) -> true);
  }
}
