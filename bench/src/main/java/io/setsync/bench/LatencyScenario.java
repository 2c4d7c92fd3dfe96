package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** POST latency under an open-loop load, and request-to-completed time on an idle system. */
final class LatencyScenario {

  record PostLatency(
      int ratePerSecond, double seconds, int requests, long refused, Distribution millis) {}

  record CompletionLatency(int syncs, Distribution millis) {}

  private final SyncApi api;
  private final PostLoad load;

  LatencyScenario(SyncApi api, PostLoad load) {
    this.api = api;
    this.load = load;
  }

  /** {@code POST /api/v1/syncs} at a fixed rate, open loop: see {@link PostLoad}. */
  PostLatency postLatency(List<CatalogArtist> artists, int ratePerSecond)
      throws InterruptedException {
    return load.run(artists, ratePerSecond);
  }

  /** One artist at a time: POST, then poll the job until it is completed. */
  CompletionLatency completionLatency(List<CatalogArtist> artists, Duration timeout)
      throws IOException, InterruptedException {
    List<Double> millis = new ArrayList<>();
    for (CatalogArtist artist : artists) {
      long start = System.nanoTime();
      SyncApi.Accepted accepted = api.requestArtist(artist, false).join();
      if (accepted.status() != 202) {
        throw new IllegalStateException("request refused: " + accepted.status());
      }
      long deadline = start + timeout.toNanos();
      String status = api.jobStatus(accepted.syncId());
      while (!status.equals("completed") && !status.equals("failed")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("job " + accepted.syncId() + " still " + status);
        }
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        status = api.jobStatus(accepted.syncId());
      }
      millis.add((System.nanoTime() - start) / 1_000_000.0);
    }
    return new CompletionLatency(artists.size(), Distribution.of(millis));
  }
}
