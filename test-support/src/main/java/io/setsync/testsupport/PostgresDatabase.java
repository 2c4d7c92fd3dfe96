package io.setsync.testsupport;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Where one test database lives. */
public record PostgresDatabase(String jdbcUrl, String username, String password) {

  /** A plain, unpooled data source on this database. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    dataSource.setUser(username);
    dataSource.setPassword(password);
    return dataSource;
  }

  @Override
  public String toString() {
    return "PostgresDatabase[" + jdbcUrl + "]";
  }
}
