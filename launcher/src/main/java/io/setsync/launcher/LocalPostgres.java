package io.setsync.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * PostgreSQL from embedded binaries, with its data under {@code .local/postgres} so it survives a
 * restart, and durable settings ({@code fsync}, {@code synchronous_commit} on), unlike the test
 * default.
 */
final class LocalPostgres implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  static LocalPostgres start(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "200")
              // Durable either way. A benchmark stack writes over 1 GB of WAL (the default
              // max_wal_size), so checkpoints, and the full-page images after each, fell into
              // the measured runs; fewer checkpoints mean less WAL to write per row.
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("checkpoint_timeout", "15min")
              .setServerConfig("shared_buffers", "256MB")
              .start();
      LocalPostgres local = new LocalPostgres(postgres, dataDirectory);
      local.ensureApplicationDatabase();
      return local;
    } catch (IOException e) {
      throw new LaunchException(
          "Could not start PostgreSQL on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** Creates the {@code setsync} role and database on first start; later starts find them. */
  private void ensureApplicationDatabase() {
    DataSource admin = postgres.getPostgresDatabase();
    try (Connection connection = admin.getConnection()) {
      if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?")) {
        try (Statement statement = connection.createStatement()) {
          // Role and database names are constants; DDL takes no bind parameters.
          statement.execute(
              "CREATE ROLE setsync LOGIN PASSWORD 'setsync'"); // local-only dev credentials
        }
      }
      if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?")) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE setsync OWNER setsync");
        }
      }
    } catch (SQLException e) {
      throw new LaunchException("Could not prepare the setsync database: " + e.getMessage(), e);
    }
  }

  private static boolean exists(Connection connection, String query) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, LocalSettings.DATABASE);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** The postmaster's process id, from its pid file (pg_ctl detaches it from the launcher). */
  long pid() {
    try {
      return Long.parseLong(
          java.nio.file.Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException | RuntimeException e) {
      throw new LaunchException("Cannot read PostgreSQL's pid file: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
