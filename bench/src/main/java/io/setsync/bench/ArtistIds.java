package io.setsync.bench;

import io.setsync.simulator.CatalogArtist;
import io.setsync.simulator.SimulatedCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated artists of the simulator's catalog, each handed out once per benchmark, so no run finds
 * its artists already fresh in the database. Both ids are known, as the old frontend sent them.
 */
final class ArtistIds {

  private int next;

  ArtistIds(long seed) {
    this.next = (int) Math.floorMod(seed, SimulatedCatalog.GENERATED_ARTISTS / 2);
  }

  /** The last {@code count} artists handed out, which a finished run has just synced. */
  List<CatalogArtist> previous(int count) {
    List<CatalogArtist> artists = new ArrayList<>(count);
    for (int n = Math.max(0, next - count); n < next; n++) {
      artists.add(SimulatedCatalog.generatedArtist(n));
    }
    return artists;
  }

  List<CatalogArtist> next(int count) {
    if (next + count > SimulatedCatalog.GENERATED_ARTISTS) {
      throw new IllegalStateException("the simulator's catalog has no more unused artists");
    }
    List<CatalogArtist> artists = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      artists.add(SimulatedCatalog.generatedArtist(next++));
    }
    return artists;
  }
}
