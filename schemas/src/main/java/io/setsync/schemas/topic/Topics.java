package io.setsync.schemas.topic;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Setsync topic catalog (contract section 5). Every service names topics through this class
 * only.
 */
public final class Topics {

  public static final int DEFAULT_PARTITIONS = 6;

  /** {@code sync.outcomes}: {@code SyncStarted}, {@code SyncCompleted}, {@code SyncFailed}. */
  public static final Topic<SpecificRecord> OUTCOMES =
      new Topic<>(
          "sync.outcomes",
          SpecificRecord.class,
          List.of(SyncStarted.class, SyncCompleted.class, SyncFailed.class),
          DEFAULT_PARTITIONS);

  private static final Map<EntityType, Topic<SyncRequested>> REQUESTED =
      byEntityType("sync.requested.");
  private static final Map<EntityType, Topic<SyncRequested>> REPLAY = byEntityType("sync.replay.");

  private Topics() {}

  /** {@code sync.requested.artist|show|venue}: new sync requests for that entity's worker. */
  public static Topic<SyncRequested> requested(EntityType entityType) {
    return REQUESTED.get(entityType);
  }

  /** {@code sync.replay.artist|show|venue}: backfills and scheduled refreshes, lower priority. */
  public static Topic<SyncRequested> replay(EntityType entityType) {
    return REPLAY.get(entityType);
  }

  /** Every main topic of the catalog (no retry or dead-letter topics). */
  public static List<Topic<?>> all() {
    List<Topic<?>> all = new ArrayList<>(REQUESTED.values());
    all.addAll(REPLAY.values());
    all.add(OUTCOMES);
    return List.copyOf(all);
  }

  /**
   * {@code <topic>-retry-<index>}, index 0-based as spring-kafka's retry topics name them with
   * {@code TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE}.
   */
  public static String retryName(String topic, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("retry index must be >= 0, was " + index);
    }
    return topic + "-retry-" + index;
  }

  /** {@code <topic>-dlt}. */
  public static String dltName(String topic) {
    return topic + "-dlt";
  }

  /** The record key of every Setsync topic: the entity's UUID in its canonical string form. */
  public static String key(UUID entityId) {
    return entityId.toString();
  }

  private static Map<EntityType, Topic<SyncRequested>> byEntityType(String prefix) {
    Map<EntityType, Topic<SyncRequested>> topics = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      String name = prefix + type.name().toLowerCase(Locale.ROOT);
      topics.put(
          type,
          new Topic<>(name, SyncRequested.class, List.of(SyncRequested.class), DEFAULT_PARTITIONS));
    }
    return topics;
  }
}
