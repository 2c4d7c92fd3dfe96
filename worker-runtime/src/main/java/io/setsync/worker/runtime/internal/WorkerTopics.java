package io.setsync.worker.runtime.internal;

import io.setsync.events.SyncRequested;
import io.setsync.schemas.topic.Topic;
import io.setsync.schemas.topic.Topics;
import io.setsync.worker.runtime.EntityKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The topics one worker uses: its request and replay topics with their retry and dead-letter
 * topics, {@code sync.outcomes}, and the request topics of every entity (for follow-ups).
 */
record WorkerTopics(EntityKind entity, int attempts, int partitions) {

  Topic<SyncRequested> requested() {
    return Topics.requested(EventMapping.type(entity));
  }

  Topic<SyncRequested> replay() {
    return Topics.replay(EventMapping.type(entity));
  }

  /** Everything to create at start-up. */
  List<Topic<?>> all() {
    List<Topic<?>> all = new ArrayList<>();
    Topics.all().forEach(topic -> all.add(topic.withPartitions(partitions)));
    for (Topic<SyncRequested> main : List.of(requested(), replay())) {
      for (int index = 0; index < attempts - 1; index++) {
        all.add(main.retry(index).withPartitions(partitions));
      }
      all.add(main.dlt().withPartitions(partitions));
    }
    return all;
  }
}
