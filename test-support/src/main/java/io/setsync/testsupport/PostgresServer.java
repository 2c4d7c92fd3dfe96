package io.setsync.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A running PostgreSQL server with a migrated template database; every database handed out is a
 * copy of the template, so migrating happens once per JVM.
 */
final class PostgresServer implements AutoCloseable {

  static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
  private static final String POSTGRES_IMAGE = "postgres:17";
  private static final String TEMPLATE = "setsync_template";

  private final String baseUrl;
  private final String username;
  private final String password;
  private final AutoCloseable server;
  private final AtomicInteger databases = new AtomicInteger();
  private final PostgresDatabase shared;

  private PostgresServer(String baseUrl, String username, String password, AutoCloseable server) {
    this.baseUrl = baseUrl;
    this.username = username;
    this.password = password;
    this.server = server;
    execute("CREATE DATABASE " + TEMPLATE);
    migrate(database(TEMPLATE));
    this.shared = createDatabase();
  }

  static PostgresServer startEmbedded() {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
      return new PostgresServer(
          "jdbc:postgresql://localhost:" + postgres.getPort() + "/",
          "postgres",
          "postgres",
          postgres);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start embedded PostgreSQL", e);
    }
  }

  @SuppressWarnings("resource")
  static PostgresServer startContainer() {
    PostgreSQLContainer container =
        new PostgreSQLContainer(POSTGRES_IMAGE)
            .withCommand("postgres", "-c", "max_connections=300");
    container.start();
    String url = container.getJdbcUrl();
    return new PostgresServer(
        url.substring(0, url.lastIndexOf('/') + 1),
        container.getUsername(),
        container.getPassword(),
        container::stop);
  }

  PostgresDatabase sharedDatabase() {
    return shared;
  }

  PostgresDatabase createDatabase() {
    String name = "setsync_test_" + databases.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return database(name);
  }

  private PostgresDatabase database(String name) {
    return new PostgresDatabase(baseUrl + name, username, password);
  }

  // DDL takes no bind parameters; the names here are generated above, never user input.
  private void execute(String ddl) {
    try (Connection connection =
            DriverManager.getConnection(baseUrl + "postgres", username, password);
        Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run: " + ddl, e);
    }
  }

  private static void migrate(PostgresDatabase target) {
    if (PostgresServer.class.getClassLoader().getResource(CHANGELOG) == null) {
      return; // this module's tests do not use the Setsync tables
    }
    try (Connection connection =
        DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password())) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Scope.child(
          Scope.Attr.ui.name(),
          new liquibase.ui.LoggerUIService(),
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .execute());
    } catch (SQLException | LiquibaseException e) {
      throw new IllegalStateException("Could not migrate " + target, e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not migrate " + target, e);
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
