package io.setsync.worker.show.setlist;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps suggestions current when an artist's songs change: a {@code SyncCompleted} of an artist
 * that changed something makes every show of the artist whose suggestions carry another songs
 * fingerprint get new ones, in one transaction per poll.
 *
 * <p>Show syncs alone would miss it: the artist worker cascades only new or changed shows, and a
 * show synced within the freshness TTL is not synced again. Shows without suggestions are left
 * alone: no sync of theirs has completed yet (the artist worker has just inserted them and asked
 * for their syncs, or their sync waits in a retry topic for this artist), and that sync computes
 * them. Writing them here too would only race those syncs for the same rows; until its sync runs,
 * such a show has no suggestions.
 */
class ArtistSyncListener implements BatchMessageListener<String, Object> {

  private static final Logger log = LoggerFactory.getLogger(ArtistSyncListener.class);

  private final ArtistSetlists setlists;
  private final TransactionTemplate transactions;

  ArtistSyncListener(ArtistSetlists setlists, TransactionTemplate transactions) {
    this.setlists = setlists;
    this.transactions = transactions;
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, Object>> records) {
    Set<UUID> artists = new LinkedHashSet<>();
    for (ConsumerRecord<String, Object> record : records) {
      // Undecodable records arrive as null values: nothing to refresh from them.
      if (record.value() instanceof SyncCompleted completed
          && completed.getEntityType() == EntityType.ARTIST
          && completed.getChanged()) {
        artists.add(completed.getEntityId());
      }
    }
    if (artists.isEmpty()) {
      return;
    }
    Integer refreshed = transactions.execute(status -> setlists.refreshShows(artists));
    if (refreshed != null && refreshed > 0) {
      log.info(
          "Refreshed the setlist suggestions of {} shows of {} artists", refreshed, artists.size());
    }
  }
}
