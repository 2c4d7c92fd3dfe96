package io.setsync.api.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.setsync.api.sync.EntityKind;
import io.setsync.testsupport.LockOrderProbe;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The projector takes artist and venue rows in the order the workers write them (Ticketmaster id),
 * so that its status update and a worker's batch cannot deadlock (the benchmark's logs showed a few
 * per run before): its update of [second, first] goes through {@link LockOrderProbe} without one.
 */
class ProjectorLockOrderIntegrationTests {

  private static ProjectorDatabase db;

  @BeforeAll
  static void database() {
    db = new ProjectorDatabase();
  }

  @AfterAll
  static void close() {
    db.dataSource.close();
  }

  @Test
  void artistsAreUpdatedInTicketmasterIdOrder() throws Exception {
    UUID first = entity("INSERT INTO artists (ticketmaster_id) VALUES (?) RETURNING id", "a");
    UUID second = entity("INSERT INTO artists (ticketmaster_id) VALUES (?) RETURNING id", "b");

    updateWhileAWorkerWrites(EntityKind.ARTIST, first, second);

    assertThat(status("artists", first)).isEqualTo("synced");
    assertThat(status("artists", second)).isEqualTo("synced");
  }

  @Test
  void venuesAreUpdatedInTicketmasterIdOrder() throws Exception {
    UUID first = entity("INSERT INTO venues (ticketmaster_id) VALUES (?) RETURNING id", "a");
    UUID second = entity("INSERT INTO venues (ticketmaster_id) VALUES (?) RETURNING id", "b");

    updateWhileAWorkerWrites(EntityKind.VENUE, first, second);

    assertThat(status("venues", first)).isEqualTo("synced");
    assertThat(status("venues", second)).isEqualTo("synced");
  }

  /** The projector's update of [second, first] while a worker's transaction takes first, second. */
  private static void updateWhileAWorkerWrites(EntityKind kind, UUID first, UUID second)
      throws Exception {
    String write = "UPDATE " + kind.table() + " SET updated_at = now() WHERE id = '%s'";
    LockOrderProbe.run(
        db.dataSource,
        write.formatted(first),
        () ->
            db.transactions.execute(
                status ->
                    db.store.applyEntities(
                        kind, List.of(synced(kind, second), synced(kind, first)))),
        write.formatted(second));
  }

  private static Projection.EntityChange synced(EntityKind kind, UUID id) {
    return new Projection.EntityChange(kind, id, "synced", 2, Instant.now(), false);
  }

  private static UUID entity(String insert, String order) {
    // The prefix orders the two; the rest keeps them apart from other tests' rows.
    return db.jdbc.sql(insert).param(order + "-" + UUID.randomUUID()).query(UUID.class).single();
  }

  private static String status(String table, UUID id) {
    return db.jdbc
        .sql("SELECT sync_status FROM " + table + " WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }
}
