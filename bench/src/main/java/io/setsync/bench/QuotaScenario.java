package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A backlog of artists against the simulator's rate limits set to the real quotas: how much of the
 * Ticketmaster quota the workers use at steady state, and how many 429s they collect.
 */
final class QuotaScenario {

  record Result(
      double ticketmasterQuotaPerSecond,
      double ticketmasterCallsPerSecond,
      double ticketmasterShare,
      double spotifyQuotaPerSecond,
      double spotifyCallsPerSecond,
      long tooManyRequests,
      double windowSeconds) {}

  private final Submitter submitter;
  private final Simulator simulator;

  QuotaScenario(Submitter submitter, Simulator simulator) {
    this.submitter = submitter;
    this.simulator = simulator;
  }

  Result run(
      List<CatalogArtist> backlog,
      double ticketmasterPerSecond,
      double spotifyPerSecond,
      Duration rampUp,
      Duration window)
      throws InterruptedException {
    simulator.faults("ticketmaster", 0, ticketmasterPerSecond);
    simulator.faults("spotify", 0, spotifyPerSecond);
    submitter.submitAll(backlog, false);
    LockSupport.parkNanos(rampUp.toNanos());
    UpstreamCalls before = UpstreamCalls.of(simulator.stats());
    long start = System.nanoTime();
    LockSupport.parkNanos(window.toNanos());
    UpstreamCalls during = UpstreamCalls.of(simulator.stats()).minus(before);
    double seconds = (System.nanoTime() - start) / 1e9;
    double ticketmasterRate = during.ticketmaster() / seconds;
    return new Result(
        ticketmasterPerSecond,
        ticketmasterRate,
        ticketmasterRate / ticketmasterPerSecond,
        spotifyPerSecond,
        during.spotify() / seconds,
        during.tooMany(),
        seconds);
  }
}
