package io.setsync.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How a simulator behaves beyond the control endpoints.
 *
 * @param tokenLifetime lifetime of the Spotify access tokens it issues (Spotify: one hour)
 * @param today the day the catalog's upcoming events count from
 * @param spotifyClientId the only client id accepted, or null to accept any
 * @param spotifyClientSecret the only client secret accepted, or null to accept any
 * @param ticketmasterApiKey the only API key accepted, or null to accept any
 */
public record SimulatorOptions(
    Duration tokenLifetime,
    LocalDate today,
    String spotifyClientId,
    String spotifyClientSecret,
    String ticketmasterApiKey) {

  public SimulatorOptions {
    if (tokenLifetime == null || tokenLifetime.toSeconds() < 1) {
      throw new IllegalArgumentException("tokenLifetime must be at least one second");
    }
    if (today == null) {
      throw new IllegalArgumentException("today is required");
    }
  }

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        Duration.ofHours(1), LocalDate.now(ZoneOffset.UTC), null, null, null);
  }

  public SimulatorOptions withTokenLifetime(Duration lifetime) {
    return new SimulatorOptions(
        lifetime, today, spotifyClientId, spotifyClientSecret, ticketmasterApiKey);
  }

  public SimulatorOptions withToday(LocalDate day) {
    return new SimulatorOptions(
        tokenLifetime, day, spotifyClientId, spotifyClientSecret, ticketmasterApiKey);
  }

  public SimulatorOptions withCredentials(String clientId, String clientSecret, String apiKey) {
    return new SimulatorOptions(tokenLifetime, today, clientId, clientSecret, apiKey);
  }

  @Override
  public String toString() {
    return "SimulatorOptions[tokenLifetime=" + tokenLifetime + ", today=" + today + "]";
  }
}
