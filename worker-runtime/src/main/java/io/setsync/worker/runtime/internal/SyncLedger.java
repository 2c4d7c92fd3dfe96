package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's record of the syncs it finished ({@code processed_syncs}): what makes a redelivered
 * request a no-op that re-publishes the same outcome, and what tells whether an entity is fresh.
 */
class SyncLedger {

  private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};
  private static final TypeReference<List<FollowUp>> FOLLOW_UPS = new TypeReference<>() {};

  private static final String FIND =
      """
      SELECT sync_id, outcome, fetched, changed, counts, spotify_id, ticketmaster_id,
             error_code, error_message, retryable, follow_ups, event_id, started_at, finished_at
      FROM processed_syncs
      WHERE sync_id = ANY (?)
      """;

  private static final String LAST_FETCHED =
      """
      SELECT DISTINCT ON (entity_id) entity_id, finished_at, spotify_id, ticketmaster_id
      FROM processed_syncs
      WHERE entity_type = ?
        AND entity_id = ANY (?)
        AND outcome = 'completed'
        AND fetched
        AND finished_at > ?
      ORDER BY entity_id, finished_at DESC
      """;

  private static final String RECORD =
      """
      INSERT INTO processed_syncs (
          sync_id, entity_type, entity_id, outcome, fetched, changed, counts, spotify_id,
          ticketmaster_id, error_code, error_message, retryable, attempt, follow_ups, event_id,
          started_at, finished_at)
      VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
      ON CONFLICT (sync_id) DO NOTHING
      """;

  /** The last sync of an entity that fetched from upstream. */
  record LastFetch(UUID entityId, Instant at, String spotifyId, String ticketmasterId) {}

  /** A follow-up request as the ledger keeps it: enough to ask again, without the snapshot. */
  record FollowUp(
      UUID syncId,
      String entity,
      UUID entityId,
      String spotifyId,
      String ticketmasterId,
      String reason,
      String requestedBy,
      Instant requestedAt) {}

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  SyncLedger(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The recorded outcomes of those of the requests that were already processed, by syncId. */
  Map<UUID, Outcome> find(Collection<SyncRequest> requests) {
    if (requests.isEmpty()) {
      return Map.of();
    }
    Map<UUID, SyncRequest> bySyncId = new HashMap<>();
    requests.forEach(request -> bySyncId.put(request.syncId(), request));
    Map<UUID, Outcome> found = new HashMap<>();
    jdbc.query(
        FIND,
        rs -> {
          UUID syncId = rs.getObject("sync_id", UUID.class);
          found.put(syncId, outcome(bySyncId.get(syncId), rs));
        },
        (Object) bySyncId.keySet().toArray(UUID[]::new));
    return found;
  }

  /** The last fetching sync of each of the entities, if it finished after {@code since}. */
  Map<UUID, LastFetch> lastFetched(EntityKind entity, Collection<UUID> entityIds, Instant since) {
    if (entityIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, LastFetch> found = new HashMap<>();
    jdbc.query(
        LAST_FETCHED,
        rs -> {
          UUID entityId = rs.getObject("entity_id", UUID.class);
          found.put(
              entityId,
              new LastFetch(
                  entityId,
                  rs.getTimestamp("finished_at").toInstant(),
                  rs.getString("spotify_id"),
                  rs.getString("ticketmaster_id")));
        },
        entity.label(),
        entityIds.toArray(UUID[]::new),
        Timestamp.from(since));
    return found;
  }

  /** Records the terminal outcomes, in the caller's transaction. */
  void record(List<Outcome> outcomes) {
    List<Object[]> rows = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (!outcome.terminal()) {
        continue;
      }
      SyncRequest request = outcome.request();
      SyncFailure failure = outcome.failure();
      rows.add(
          new Object[] {
            request.syncId(),
            request.entity().label(),
            request.entityId(),
            outcome.status() == Outcome.Status.COMPLETED ? "completed" : "failed",
            outcome.fetched(),
            outcome.changed(),
            json.writeValueAsString(outcome.counts()),
            outcome.spotifyId(),
            outcome.ticketmasterId(),
            failure == null ? null : failure.code().name(),
            failure == null ? null : failure.getMessage(),
            failure != null && failure.retryable(),
            request.attempt(),
            json.writeValueAsString(
                outcome.followUps().stream().map(SyncLedger::followUp).toList()),
            outcome.eventId(),
            Timestamp.from(outcome.startedAt()),
            Timestamp.from(outcome.finishedAt())
          });
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(RECORD, rows);
    }
  }

  private Outcome outcome(SyncRequest request, ResultSet rs) throws SQLException {
    boolean completed = "completed".equals(rs.getString("outcome"));
    String errorCode = rs.getString("error_code");
    SyncFailure failure =
        errorCode == null
            ? null
            : new SyncFailure(
                ErrorCode.valueOf(errorCode),
                rs.getString("error_message"),
                rs.getBoolean("retryable"),
                null);
    List<SyncRequest> followUps =
        json.readValue(rs.getString("follow_ups"), FOLLOW_UPS).stream()
            .map(followUp -> request(request, followUp))
            .toList();
    return new Outcome(
        request,
        completed ? Outcome.Status.COMPLETED : Outcome.Status.FAILED,
        rs.getBoolean("fetched"),
        rs.getBoolean("changed"),
        json.readValue(rs.getString("counts"), COUNTS),
        rs.getString("spotify_id"),
        rs.getString("ticketmaster_id"),
        failure,
        true,
        followUps,
        rs.getObject("event_id", UUID.class),
        rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("finished_at").toInstant());
  }

  private static FollowUp followUp(SyncRequest request) {
    return new FollowUp(
        request.syncId(),
        request.entity().label(),
        request.entityId(),
        request.spotifyId(),
        request.ticketmasterId(),
        request.reason().name(),
        request.requestedBy(),
        request.requestedAt());
  }

  private static SyncRequest request(SyncRequest parent, FollowUp followUp) {
    return new SyncRequest(
        followUp.syncId(),
        parent.rootSyncId(),
        parent.syncId(),
        EntityKind.valueOf(followUp.entity().toUpperCase(Locale.ROOT)),
        followUp.entityId(),
        followUp.spotifyId(),
        followUp.ticketmasterId(),
        SyncRequest.Reason.valueOf(followUp.reason()),
        false,
        false,
        followUp.requestedBy(),
        1,
        null,
        null,
        followUp.requestedAt());
  }
}
