package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** POST latency under an open-loop load, and request-to-completed time on an idle system. */
final class LatencyScenario {

  /**
   * {@code cpuSeconds}: what each component used while the requests ran (null in reports written
   * before it was measured).
   */
  record PostLatency(
      int ratePerSecond,
      double seconds,
      int requests,
      long refused,
      Distribution millis,
      Map<String, Double> cpuSeconds) {

    PostLatency withCpuSeconds(Map<String, Double> used) {
      return new PostLatency(ratePerSecond, seconds, requests, refused, millis, used);
    }

    /** CPU milliseconds per request by component, or an empty map when not measured. */
    Map<String, Double> cpuMillisPerRequest() {
      Map<String, Double> perRequest = new LinkedHashMap<>();
      if (cpuSeconds != null && requests > 0) {
        cpuSeconds.forEach((name, used) -> perRequest.put(name, used * 1000 / requests));
      }
      return perRequest;
    }
  }

  record CompletionLatency(int syncs, Distribution millis) {}

  private final SyncApi api;
  private final PostLoad load;
  private final CpuSampler cpu;

  LatencyScenario(SyncApi api, PostLoad load, CpuSampler cpu) {
    this.api = api;
    this.load = load;
    this.cpu = cpu;
  }

  /**
   * {@code POST /api/v1/syncs} at a fixed rate, open loop (see {@link PostLoad}), with the CPU each
   * component used until the last answer.
   */
  PostLatency postLatency(List<CatalogArtist> artists, int ratePerSecond)
      throws InterruptedException {
    Map<String, Double> before = cpu.cpuSeconds();
    PostLatency latency = load.run(artists, ratePerSecond);
    return latency.withCpuSeconds(CpuSampler.between(before, cpu.cpuSeconds()));
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
