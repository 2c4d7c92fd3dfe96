package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.EntityKind;
import io.setsync.worker.runtime.ErrorCode;
import io.setsync.worker.runtime.SyncFailure;
import io.setsync.worker.runtime.SyncRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
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

  // One statement for a whole poll (a batch of single-row INSERTs is still one execution per row
  // in PostgreSQL). Times travel as epoch microseconds, PostgreSQL's own precision, so an outcome
  // published again carries exactly the times it was recorded with.
  private static final String RECORD =
      """
      INSERT INTO processed_syncs (
          sync_id, entity_type, entity_id, outcome, fetched, changed, counts, spotify_id,
          ticketmaster_id, error_code, error_message, retryable, attempt, follow_ups, event_id,
          started_at, finished_at)
      SELECT v.sync_id, v.entity_type, v.entity_id, v.outcome, v.fetched, v.changed,
             v.counts::jsonb, v.spotify_id, v.ticketmaster_id, v.error_code, v.error_message,
             v.retryable, v.attempt, v.follow_ups::jsonb, v.event_id,
             timestamptz 'epoch' + v.started_us * interval '1 microsecond',
             timestamptz 'epoch' + v.finished_us * interval '1 microsecond'
      FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::boolean[], ?::boolean[],
                  ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                  ?::integer[], ?::text[], ?::uuid[], ?::bigint[], ?::bigint[])
          AS v(sync_id, entity_type, entity_id, outcome, fetched, changed, counts, spotify_id,
               ticketmaster_id, error_code, error_message, retryable, attempt, follow_ups,
               event_id, started_us, finished_us)
      ON CONFLICT (sync_id) DO NOTHING
      """;

  // The oldest rows first, a bounded batch per statement; rows another instance is deleting are
  // skipped rather than waited for.
  private static final String PURGE =
      """
      DELETE FROM processed_syncs
      WHERE sync_id IN (
          SELECT sync_id FROM processed_syncs
          WHERE entity_type = ? AND finished_at < ?
          ORDER BY finished_at
          LIMIT ?
          FOR UPDATE SKIP LOCKED)
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
    List<Outcome> terminal = outcomes.stream().filter(Outcome::terminal).toList();
    if (terminal.isEmpty()) {
      return;
    }
    jdbc.update(
        RECORD,
        column(terminal, UUID[]::new, outcome -> outcome.request().syncId()),
        column(terminal, String[]::new, outcome -> outcome.request().entity().label()),
        column(terminal, UUID[]::new, outcome -> outcome.request().entityId()),
        column(
            terminal,
            String[]::new,
            outcome -> outcome.status() == Outcome.Status.COMPLETED ? "completed" : "failed"),
        column(terminal, Boolean[]::new, Outcome::fetched),
        column(terminal, Boolean[]::new, Outcome::changed),
        column(terminal, String[]::new, outcome -> json.writeValueAsString(outcome.counts())),
        column(terminal, String[]::new, Outcome::spotifyId),
        column(terminal, String[]::new, Outcome::ticketmasterId),
        column(terminal, String[]::new, outcome -> failure(outcome, f -> f.code().name())),
        column(terminal, String[]::new, outcome -> failure(outcome, SyncFailure::getMessage)),
        column(
            terminal,
            Boolean[]::new,
            outcome -> outcome.failure() != null && outcome.failure().retryable()),
        column(terminal, Integer[]::new, outcome -> outcome.request().attempt()),
        column(
            terminal,
            String[]::new,
            outcome ->
                json.writeValueAsString(
                    outcome.followUps().stream().map(SyncLedger::followUp).toList())),
        column(terminal, UUID[]::new, Outcome::eventId),
        column(terminal, Long[]::new, outcome -> micros(outcome.startedAt())),
        column(terminal, Long[]::new, outcome -> micros(outcome.finishedAt())));
  }

  /**
   * Deletes up to {@code limit} of the entity's rows that finished before {@code before}; returns
   * how many it deleted.
   */
  int purge(EntityKind entity, Instant before, int limit) {
    return jdbc.update(PURGE, entity.label(), Timestamp.from(before), limit);
  }

  private static <T> T[] column(
      List<Outcome> outcomes, IntFunction<T[]> array, Function<Outcome, T> value) {
    T[] values = array.apply(outcomes.size());
    for (int i = 0; i < values.length; i++) {
      values[i] = value.apply(outcomes.get(i));
    }
    return values;
  }

  private static <T> T failure(Outcome outcome, Function<SyncFailure, T> field) {
    return outcome.failure() == null ? null : field.apply(outcome.failure());
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
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
