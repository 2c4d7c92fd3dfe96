package io.setsync.testsupport;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Checks that a batched write takes its rows in a given order, the one another writer of the same
 * rows takes them in, so that the two cannot deadlock. Another transaction takes the first key; the
 * write, handed [second, first], starts and is awaited until it waits for that key; then the other
 * transaction takes the second key too, and rolls back. A write in order has not reached the second
 * key yet, so both go through. A write out of order already holds it, and PostgreSQL ends one of
 * the two with a deadlock: {@link #run} throws.
 */
public final class LockOrderProbe {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private LockOrderProbe() {}

  /**
   * Runs write while another transaction holds what takeFirst takes, as above; returns what write
   * returned.
   */
  public static <T> T run(
      DataSource dataSource, String takeFirst, Supplier<T> write, String takeSecond)
      throws Exception {
    try (Connection other = dataSource.getConnection();
        Statement statement = other.createStatement()) {
      other.setAutoCommit(false);
      statement.execute("SET LOCAL lock_timeout = '10s'");
      statement.execute(takeFirst);
      CompletableFuture<T> writing = CompletableFuture.supplyAsync(write);
      await().atMost(PATIENCE).until(() -> sessionsWaitingForALock(dataSource) == 1);

      statement.execute(takeSecond);
      other.rollback();

      return writing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private static int sessionsWaitingForALock(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      count.next();
      return count.getInt(1);
    }
  }
}
