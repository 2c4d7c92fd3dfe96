package io.setsync.upstream.ticketmaster;

import io.setsync.upstream.http.RateLimitSettings;
import io.setsync.upstream.http.RetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Ticketmaster Discovery v2 settings, {@code setsync.ticketmaster.*}. URL and key default to the
 * local simulator and come from {@code TICKETMASTER_API_URL} and {@code TICKETMASTER_API_KEY}.
 *
 * @param apiUrl base of the API, without {@code /discovery/v2} (https://app.ticketmaster.com)
 * @param pageSize events per page when listing an attraction's events (Ticketmaster: at most 200)
 * @param eventHorizon how far ahead events are listed; null for no limit
 * @param etagCacheSize how many answers are kept for conditional requests
 */
@Validated
@ConfigurationProperties("setsync.ticketmaster")
public record TicketmasterSettings(
    @NotNull URI apiUrl,
    @NotBlank String apiKey,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout,
    @Min(1) @Max(200) int pageSize,
    Duration eventHorizon,
    @Min(1) int etagCacheSize,
    @Valid @NotNull RetrySettings retry,
    @Valid @NotNull RateLimitSettings rateLimit) {

  static final String LOCAL_API_KEY = "setsync-local-key";

  /** The local default key must not reach the real Ticketmaster. */
  @AssertTrue(
      message =
          "TICKETMASTER_API_KEY must be set to a real key when TICKETMASTER_API_URL points at"
              + " ticketmaster.com")
  public boolean isUsingRealKeyForTicketmaster() {
    String host = apiUrl == null ? null : apiUrl.getHost();
    boolean real =
        host != null && (host.equals("ticketmaster.com") || host.endsWith(".ticketmaster.com"));
    return !real || !LOCAL_API_KEY.equals(apiKey);
  }

  @Override
  public String toString() {
    return "TicketmasterSettings[apiUrl="
        + apiUrl
        + ", apiKey=(hidden), pageSize="
        + pageSize
        + ", eventHorizon="
        + eventHorizon
        + ", retry="
        + retry
        + ", rateLimit="
        + rateLimit
        + "]";
  }
}
