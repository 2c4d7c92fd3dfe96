package io.setsync.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncStarted;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTests {

  private static final String SUBJECT = "sync.outcomes-io.setsync.events.SyncStarted";
  private final StubSchemaRegistry registry = new StubSchemaRegistry();
  private final SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void registerPostsTheSchemaWithTheRegistryContentType() {
    // when
    int id = client.register(SUBJECT, SyncStarted.getClassSchema());

    // then
    assertThat(id).isPositive();
    StubSchemaRegistry.Request request = registry.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/subjects/" + SUBJECT + "/versions");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.body()).startsWith("{\"schema\":\"{\\\"type\\\":\\\"record\\\"");
  }

  @Test
  void answersAreCached() {
    // when
    int id = client.register(SUBJECT, SyncStarted.getClassSchema());
    client.register(SUBJECT, SyncStarted.getClassSchema());
    RegisteredSchema found = client.lookup(SUBJECT, SyncStarted.getClassSchema());
    client.lookup(SUBJECT, SyncStarted.getClassSchema());
    Schema byId = client.schemaById(id);

    // then: one registration, one lookup; the id was known from the registration
    assertThat(found).isEqualTo(new RegisteredSchema(SUBJECT, id, 1, SyncStarted.getClassSchema()));
    assertThat(byId).isEqualTo(SyncStarted.getClassSchema());
    assertThat(registry.requests()).hasSize(2);
  }

  @Test
  void fetchesASchemaById() {
    // given
    registry.put("other", 31, SyncCompleted.getClassSchema());

    // when
    Schema schema = client.schemaById(31);
    client.schemaById(31);

    // then
    assertThat(schema).isEqualTo(SyncCompleted.getClassSchema());
    assertThat(registry.requests())
        .singleElement()
        .extracting(StubSchemaRegistry.Request::path)
        .isEqualTo("/schemas/ids/31");
  }

  @Test
  void registryErrorCarriesItsErrorCodeAndMessage() {
    // given
    registry.failWith(
        409,
        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an"
            + " earlier schema\"}");

    // then
    assertThatThrownBy(() -> client.register(SUBJECT, SyncStarted.getClassSchema()))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(409);
            })
        .hasMessageContaining("error_code 409")
        .hasMessageContaining("incompatible with an earlier schema");
  }

  @Test
  void unknownIdAndUnknownSubjectAreNotFound() {
    assertThatThrownBy(() -> client.schemaById(404))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> client.lookup("nobody", SyncStarted.getClassSchema()))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
  }

  @Test
  void nonJsonErrorIsReportedWithItsBody() {
    registry.failWith(502, "<html>Bad Gateway</html>");

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.errorCode()).isEqualTo(-1);
            })
        .hasMessageContaining("Bad Gateway");
  }

  @Test
  void unreachableRegistryIsAClearError() {
    // given: a port nobody listens on any more
    URI url = registry.url();
    registry.close();
    SchemaRegistryClient unreachable =
        new SchemaRegistryClient(url, Duration.ofSeconds(1), Duration.ofSeconds(1), null);

    assertThatThrownBy(() -> unreachable.schemaById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("Schema registry unreachable")
        .hasMessageContaining(url.toString());
  }

  @Test
  void worksUnderAPathPrefixAsApicurioServesIt() {
    try (StubSchemaRegistry apicurio = new StubSchemaRegistry("/apis/ccompat/v7")) {
      SchemaRegistryClient viaPrefix = new SchemaRegistryClient(URI.create(apicurio.url() + "/"));

      int id = viaPrefix.register(SUBJECT, SyncStarted.getClassSchema());

      assertThat(id).isPositive();
      assertThat(apicurio.requests().get(0).path())
          .isEqualTo("/apis/ccompat/v7/subjects/" + SUBJECT + "/versions");
    }
  }

  @Test
  void concurrentRegistrationsAgreeOnTheId() {
    // when
    List<CompletableFuture<Integer>> ids =
        IntStream.range(0, 16)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> client.register(SUBJECT, SyncStarted.getClassSchema())))
            .toList();

    // then
    assertThat(ids.stream().map(CompletableFuture::join).distinct()).hasSize(1);
  }
}
