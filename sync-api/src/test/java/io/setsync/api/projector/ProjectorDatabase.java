package io.setsync.api.projector;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh migrated database with the projector's store on it, without Spring Boot. */
final class ProjectorDatabase {

  final HikariDataSource dataSource;
  final JdbcClient jdbc;
  final ProjectorStore store;
  final TransactionTemplate transactions;
  final StatusProjector projector;

  ProjectorDatabase() {
    PostgresDatabase db = TestInfrastructure.newDatabase();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(db.jdbcUrl());
    dataSource.setUsername(db.username());
    dataSource.setPassword(db.password());
    dataSource.setMaximumPoolSize(4);
    jdbc = JdbcClient.create(dataSource);
    store = new ProjectorStore(jdbc);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    projector = new StatusProjector(store, Clock.systemUTC(), new SimpleMeterRegistry());
  }

  /** Applies one poll's events in one transaction, as the listener does. */
  void apply(List<StatusEvent> batch) {
    transactions.executeWithoutResult(status -> projector.apply(batch));
  }

  UUID insertArtist() {
    return jdbc.sql("INSERT INTO artists (spotify_id) VALUES (?) RETURNING id")
        .param(UUID.randomUUID().toString().replace("-", "").substring(0, 22))
        .query(UUID.class)
        .single();
  }
}
