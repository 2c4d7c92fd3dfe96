package io.setsync.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.api.outbox.OutboxRow;
import io.setsync.api.sync.EntityKind;
import io.setsync.api.sync.JobStatus;
import io.setsync.testsupport.PostgresDatabase;
import io.setsync.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The request's statements on real PostgreSQL, with the transactions a request runs in. */
class SyncRequestStoreIntegrationTests {

  private static final PostgresDatabase DB = TestInfrastructure.newDatabase();
  private static final DataSource DATA_SOURCE = DB.dataSource();
  private static final JdbcClient JDBC = JdbcClient.create(DATA_SOURCE);
  private static final SyncRequestStore STORE = new SyncRequestStore(JDBC);
  private static final TransactionTemplate TRANSACTIONS =
      new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE));

  static Stream<Arguments> lookups() {
    return Stream.of(
        Arguments.of(
            "artist by entity id",
            (Function<Names, Optional<SyncRequestStore.Entity>>)
                names -> STORE.lockById(EntityKind.ARTIST, names.artistId())),
        Arguments.of(
            "venue by Ticketmaster id",
            (Function<Names, Optional<SyncRequestStore.Entity>>)
                names -> STORE.lockByTicketmasterId(EntityKind.VENUE, names.venueTicketmasterId())),
        Arguments.of(
            "known venue by Ticketmaster id, insert first",
            (Function<Names, Optional<SyncRequestStore.Entity>>)
                names ->
                    STORE.createOrLockByTicketmasterId(
                        EntityKind.VENUE, names.venueTicketmasterId())),
        Arguments.of(
            "new show by Ticketmaster id",
            (Function<Names, Optional<SyncRequestStore.Entity>>)
                names ->
                    STORE.createOrLockByTicketmasterId(EntityKind.SHOW, "vvG" + UUID.randomUUID())),
        Arguments.of(
            "known artist by external ids, insert first",
            (Function<Names, Optional<SyncRequestStore.Entity>>)
                names -> STORE.createOrLockArtist(names.spotifyId(), null)),
        Arguments.of(
            "new artist by external ids",
            (Function<Names, Optional<SyncRequestStore.Entity>>)
                names -> STORE.createOrLockArtist(newSpotifyId(), "K8vZ" + UUID.randomUUID())),
        Arguments.of(
            "known artist by external ids, find",
            (Function<Names, Optional<SyncRequestStore.Entity>>)
                names -> STORE.lockArtist(names.spotifyId(), null)));
  }

  /** An artist and a venue as a test finds them. */
  record Names(UUID artistId, String spotifyId, String venueTicketmasterId) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void everyLookupLocksTheEntityAsEveryInstanceDoesUntilTheTransactionEnds(
      String description, Function<Names, Optional<SyncRequestStore.Entity>> lookup) {
    // given
    String spotifyId = newSpotifyId();
    UUID artistId = insertArtist(spotifyId);
    String venueTicketmasterId = "KovZ" + UUID.randomUUID();
    JDBC.sql("INSERT INTO venues (ticketmaster_id) VALUES (?)").param(venueTicketmasterId).update();
    Names names = new Names(artistId, spotifyId, venueTicketmasterId);

    // when
    UUID locked =
        TRANSACTIONS.execute(
            status -> {
              UUID id = lookup.apply(names).orElseThrow().id();
              // then another connection cannot take the entity's lock meanwhile
              assertThat(lockFree(id)).isFalse();
              return id;
            });

    // then
    assertThat(lockFree(locked)).isTrue();
  }

  @Test
  void anArtistCreatedByAConcurrentRequestIsFoundByTheSecondLookup() throws Exception {
    // given another request that created the artist and has not committed yet
    String spotifyId = newSpotifyId();
    try (Connection other = DATA_SOURCE.getConnection()) {
      UUID created =
          insertUncommitted(
              other, "INSERT INTO artists (spotify_id) VALUES (?) RETURNING id::text", spotifyId);

      // when this request's insert waits for it, and it commits
      Map<String, Optional<SyncRequestStore.Entity>> found =
          lookupsAcrossCommit(
              other,
              () -> STORE.createOrLockArtist(spotifyId, null),
              () -> STORE.lockArtist(spotifyId, null));

      // then the first lookup's snapshot predates the artist; the second one finds it
      assertThat(found.get("first")).isEmpty();
      assertThat(found.get("second")).map(SyncRequestStore.Entity::id).contains(created);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EntityKind.class,
      names = {"SHOW", "VENUE"})
  void aShowOrVenueUnknownByItsTicketmasterIdGetsAPlaceholderRowOnce(EntityKind kind) {
    // given
    String ticketmasterId = "tm-" + UUID.randomUUID();

    // when
    Optional<SyncRequestStore.Entity> created =
        TRANSACTIONS.execute(status -> STORE.createOrLockByTicketmasterId(kind, ticketmasterId));
    Optional<SyncRequestStore.Entity> again =
        TRANSACTIONS.execute(status -> STORE.createOrLockByTicketmasterId(kind, ticketmasterId));

    // then
    assertThat(created).isPresent();
    assertThat(created.get().ticketmasterId()).isEqualTo(ticketmasterId);
    assertThat(created.get().spotifyId()).isNull();
    assertThat(again).contains(created.get());
    assertThat(
            JDBC.sql(
                    "SELECT id, ticketmaster_id, name, sync_status FROM %s WHERE ticketmaster_id = ?"
                        .formatted(kind.table()))
                .param(ticketmasterId)
                .query()
                .singleRow())
        .containsEntry("id", created.get().id())
        .containsEntry("ticketmaster_id", ticketmasterId)
        .containsEntry("name", null)
        .containsEntry("sync_status", null);
  }

  @ParameterizedTest
  @EnumSource(
      value = EntityKind.class,
      names = {"SHOW", "VENUE"})
  void aShowOrVenueCreatedByAConcurrentRequestIsFoundByTheSecondLookup(EntityKind kind)
      throws Exception {
    // given another request that created the row and has not committed yet
    String ticketmasterId = "tm-" + UUID.randomUUID();
    try (Connection other = DATA_SOURCE.getConnection()) {
      UUID created =
          insertUncommitted(
              other,
              "INSERT INTO %s (ticketmaster_id) VALUES (?) RETURNING id::text"
                  .formatted(kind.table()),
              ticketmasterId);

      // when this request's insert waits for it, and it commits
      Map<String, Optional<SyncRequestStore.Entity>> found =
          lookupsAcrossCommit(
              other,
              () -> STORE.createOrLockByTicketmasterId(kind, ticketmasterId),
              () -> STORE.lockByTicketmasterId(kind, ticketmasterId));

      // then the first lookup's snapshot predates the row; the second one finds it
      assertThat(found.get("first")).isEmpty();
      assertThat(found.get("second")).map(SyncRequestStore.Entity::id).contains(created);
      assertThat(
              JDBC.sql("SELECT count(*) FROM %s WHERE ticketmaster_id = ?".formatted(kind.table()))
                  .param(ticketmasterId)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }
  }

  @Test
  void queuesTheJobWithItsOutboxRowAndMarksTheEntityQueued() {
    // given
    UUID artistId = insertArtist(newSpotifyId());
    SyncRequestStore.Entity artist = new SyncRequestStore.Entity(artistId, "sp", "tm");
    UUID syncId = UUID.randomUUID();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    OutboxRow row = OutboxRow.syncRequested(EntityKind.ARTIST, artistId);

    // when
    SyncRequestStore.Job job =
        TRANSACTIONS.execute(
            status -> STORE.queueJob(syncId, command(artistId, false), artist, at, row));

    // then
    assertThat(job).isEqualTo(new SyncRequestStore.Job(syncId, JobStatus.QUEUED, false));
    assertThat(
            JDBC.sql(
                    """
                    SELECT entity_type, entity_id, root_sync_id, reason, status, requested_by,
                           spotify_id, ticketmaster_id, skip_dependencies, force_refresh,
                           requested_at, status_at, status_rank, attempts
                    FROM sync_jobs WHERE id = ?""")
                .param(syncId)
                .query()
                .singleRow())
        .containsEntry("entity_type", "artist")
        .containsEntry("entity_id", artistId)
        .containsEntry("root_sync_id", syncId)
        .containsEntry("reason", "USER")
        .containsEntry("status", "queued")
        .containsEntry("requested_by", "tester")
        .containsEntry("spotify_id", "sp")
        .containsEntry("ticketmaster_id", "tm")
        .containsEntry("skip_dependencies", true)
        .containsEntry("force_refresh", false)
        .containsEntry("requested_at", Timestamp.from(at))
        .containsEntry("status_at", Timestamp.from(at))
        .containsEntry("status_rank", 0)
        .containsEntry("attempts", 0);
    assertThat(
            JDBC.sql("SELECT event_id, topic, message_key FROM sync_outbox WHERE sync_id = ?")
                .param(syncId)
                .query()
                .listOfRows())
        .containsExactly(
            Map.of(
                "event_id", row.eventId(),
                "topic", row.topic(),
                "message_key", row.messageKey()));
    assertThat(artistStatus(artistId))
        .containsEntry("sync_status", "queued")
        .containsEntry("sync_status_at", Timestamp.from(at));
  }

  @Test
  void joinsTheActiveJobWithoutWritingUnlessForced() {
    // given an artist with a queued job
    UUID artistId = insertArtist(newSpotifyId());
    SyncRequestStore.Entity artist = new SyncRequestStore.Entity(artistId, "sp", null);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    SyncRequestStore.Job first = queue(artist, false, at);
    Map<String, Object> queued = artistStatus(artistId);

    // when
    SyncRequestStore.Job again = queue(artist, false, at.plusSeconds(1));

    // then
    assertThat(again).isEqualTo(new SyncRequestStore.Job(first.syncId(), JobStatus.QUEUED, true));
    assertThat(jobsAndOutboxRows(artistId)).isEqualTo(Map.of("jobs", 1L, "rows", 1L));
    assertThat(artistStatus(artistId)).isEqualTo(queued);

    // when
    SyncRequestStore.Job forced = queue(artist, true, at.plusSeconds(2));

    // then
    assertThat(forced.joined()).isFalse();
    assertThat(forced.syncId()).isNotEqualTo(first.syncId());
    assertThat(jobsAndOutboxRows(artistId)).isEqualTo(Map.of("jobs", 2L, "rows", 2L));
    assertThat(artistStatus(artistId))
        .containsEntry("sync_status_at", Timestamp.from(at.plusSeconds(2)));
  }

  private static SyncRequestStore.Job queue(
      SyncRequestStore.Entity entity, boolean forceRefresh, Instant at) {
    return TRANSACTIONS.execute(
        status ->
            STORE.queueJob(
                UUID.randomUUID(),
                command(entity.id(), forceRefresh),
                entity,
                at,
                OutboxRow.syncRequested(EntityKind.ARTIST, entity.id())));
  }

  private static SyncCommand command(UUID artistId, boolean forceRefresh) {
    return new SyncCommand(EntityKind.ARTIST, artistId, null, null, true, forceRefresh, "tester");
  }

  private static Map<String, Object> jobsAndOutboxRows(UUID entityId) {
    return JDBC.sql(
            """
            SELECT (SELECT count(*) FROM sync_jobs WHERE entity_id = :id) AS jobs,
                   (SELECT count(*) FROM sync_outbox o JOIN sync_jobs j ON j.id = o.sync_id
                    WHERE j.entity_id = :id) AS rows
            """)
        .param("id", entityId)
        .query()
        .singleRow();
  }

  private static Map<String, Object> artistStatus(UUID artistId) {
    return JDBC.sql("SELECT sync_status, sync_status_at FROM artists WHERE id = ?")
        .param(artistId)
        .query()
        .singleRow();
  }

  /**
   * Whether another connection could take the entity's lock, keyed as every sync-api version keys
   * it: the id's two halves XORed. Closing the (unpooled) connection releases it again.
   */
  private static boolean lockFree(UUID entityId) {
    try (Connection other = DATA_SOURCE.getConnection();
        PreparedStatement tryLock = other.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      tryLock.setLong(1, entityId.getMostSignificantBits() ^ entityId.getLeastSignificantBits());
      try (ResultSet rs = tryLock.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts a row on {@code other} in a transaction left open; returns its id. */
  private static UUID insertUncommitted(Connection other, String insertReturningId, String value)
      throws SQLException {
    other.setAutoCommit(false);
    try (PreparedStatement insert = other.prepareStatement(insertReturningId)) {
      insert.setString(1, value);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return UUID.fromString(rs.getString(1));
      }
    }
  }

  /**
   * Runs the two lookups in one transaction that waits for {@code other}'s open one, commits that
   * once the wait began, and returns what each lookup found ("first", "second").
   */
  private static Map<String, Optional<SyncRequestStore.Entity>> lookupsAcrossCommit(
      Connection other,
      Supplier<Optional<SyncRequestStore.Entity>> first,
      Supplier<Optional<SyncRequestStore.Entity>> second)
      throws Exception {
    CompletableFuture<Map<String, Optional<SyncRequestStore.Entity>>> lookups =
        CompletableFuture.supplyAsync(
            () ->
                TRANSACTIONS.execute(
                    status -> Map.of("first", first.get(), "second", second.get())));
    await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() > 0);
    other.commit();
    return lookups.get(30, TimeUnit.SECONDS);
  }

  private static long waitingForALock() {
    return JDBC.sql(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
            """)
        .query(Long.class)
        .single();
  }

  private static UUID insertArtist(String spotifyId) {
    return JDBC.sql("INSERT INTO artists (spotify_id) VALUES (?) RETURNING id")
        .param(spotifyId)
        .query(UUID.class)
        .single();
  }

  private static String newSpotifyId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
  }
}
