package io.setsync.simulator;

/** What {@code GET /__sim/stats} reports. */
public record SimulatorStats(UpstreamStats spotify, UpstreamStats ticketmaster, SpotifyMode mode) {

  public UpstreamStats of(Upstream upstream) {
    return upstream == Upstream.SPOTIFY ? spotify : ticketmaster;
  }
}
