package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** POST latency under an open-loop load, and request-to-completed time on an idle system. */
final class LatencyScenario {

  record PostLatency(
      int ratePerSecond, double seconds, int requests, long refused, Distribution millis) {}

  record CompletionLatency(int syncs, Distribution millis) {}

  private final SyncApi api;

  LatencyScenario(SyncApi api) {
    this.api = api;
  }

  /**
   * Sends at a fixed rate regardless of answers (open loop), timing each request from when it was
   * due, not from when it went out, so a stall counts against every request it delayed.
   */
  PostLatency postLatency(List<CatalogArtist> artists, int ratePerSecond) {
    long intervalNanos = 1_000_000_000L / ratePerSecond;
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicLong refused = new AtomicLong();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < artists.size(); i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      // A request that fails (say, a connect time-out under overload) is timed and counted as
      // refused, not allowed to end the measurement.
      pending.add(
          api.requestArtist(artists.get(i), false, true)
              .handle(
                  (answer, error) -> {
                    millis.add((System.nanoTime() - due) / 1_000_000.0);
                    if (error != null || answer.status() != 202) {
                      refused.incrementAndGet();
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new PostLatency(
        ratePerSecond, seconds, artists.size(), refused.get(), Distribution.of(millis));
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
