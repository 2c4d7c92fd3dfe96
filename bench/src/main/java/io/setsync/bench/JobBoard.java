package io.setsync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Counts of sync jobs in the database since a point in time, by entity type and status. */
final class JobBoard {

  enum Entity {
    artist,
    show,
    venue
  }

  record Counts(Map<Entity, Long> terminal, long unfinished, long failed) {
    long terminalTotal() {
      return terminal.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final String jdbcUrl;
  private Connection connection;

  JobBoard(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /**
   * One connection for all the polls: opening a PostgreSQL connection forks a backend, which would
   * take CPU from the system being measured at every poll.
   */
  private synchronized Connection connection() throws SQLException {
    if (connection == null || !connection.isValid(1)) {
      connection = DriverManager.getConnection(jdbcUrl, "setsync", "setsync");
    }
    return connection;
  }

  /** When the last job requested since {@code start} finished, by the projector's record. */
  Instant lastFinishedAt(Instant start) {
    String sql = "SELECT max(finished_at) FROM sync_jobs WHERE requested_at >= ?";
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      statement.setObject(1, java.sql.Timestamp.from(start));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        java.sql.Timestamp last = rows.getTimestamp(1);
        return last == null ? start : last.toInstant();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read finish times: " + e.getMessage(), e);
    }
  }

  /**
   * How many jobs requested since {@code start} are queued or running: a read of the partial index
   * of unfinished jobs, cheap to repeat while the system is busy, unlike the full count.
   */
  long unfinishedSince(Instant start) {
    String sql =
        """
        SELECT count(*) FROM sync_jobs
        WHERE status IN ('queued', 'running') AND requested_at >= ?
        """;
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      statement.setObject(1, java.sql.Timestamp.from(start));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count unfinished jobs: " + e.getMessage(), e);
    }
  }

  Counts since(Instant start) {
    String sql =
        """
        SELECT entity_type, status, count(*) FROM sync_jobs
        WHERE requested_at >= ? GROUP BY entity_type, status
        """;
    Map<Entity, Long> terminal = new EnumMap<>(Entity.class);
    long unfinished = 0;
    long failed = 0;
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      statement.setObject(1, java.sql.Timestamp.from(start));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Entity entity = Entity.valueOf(rows.getString(1));
          String status = rows.getString(2);
          long count = rows.getLong(3);
          switch (status) {
            case "completed", "failed" -> terminal.merge(entity, count, Long::sum);
            default -> unfinished += count;
          }
          if (status.equals("failed")) {
            failed += count;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count jobs: " + e.getMessage(), e);
    }
    return new Counts(terminal, unfinished, failed);
  }
}
