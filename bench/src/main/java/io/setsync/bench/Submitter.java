package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Posts many sync requests with a bounded number in flight, and checks every one was accepted. */
final class Submitter {

  private final SyncApi api;
  private final int inFlight;

  Submitter(SyncApi api, int inFlight) {
    this.api = api;
    this.inFlight = inFlight;
  }

  List<SyncApi.Accepted> submitAll(List<CatalogArtist> artists, boolean forceRefresh)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    List<CompletableFuture<SyncApi.Accepted>> answers = new ArrayList<>();
    for (CatalogArtist artist : artists) {
      permits.acquire();
      answers.add(
          api.requestArtist(artist, forceRefresh)
              .whenComplete((answer, error) -> permits.release()));
    }
    List<SyncApi.Accepted> accepted = answers.stream().map(CompletableFuture::join).toList();
    long refused = accepted.stream().filter(answer -> answer.status() != 202).count();
    if (refused > 0) {
      throw new IllegalStateException(refused + " of " + accepted.size() + " requests refused");
    }
    return accepted;
  }
}
