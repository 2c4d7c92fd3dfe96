package io.setsync.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * A few canned answers of the Confluent REST API, for unit tests of the client and the serde. The
 * real registry (module schema-registry) is tested on its own and end to end there.
 */
public final class StubSchemaRegistry implements AutoCloseable {

  private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
  private static final Pattern LOOKUP = Pattern.compile("/subjects/([^/]+)");
  private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
  private static final JsonMapper JSON = JsonMapper.shared();

  /** One request as the stub saw it. */
  public record Request(String method, String path, String contentType, String body) {}

  private final HttpServer server;
  private final String prefix;
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Map<String, Integer>> idsBySubject = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private int nextId = 1;
  private int failStatus;
  private String failBody;

  public StubSchemaRegistry() {
    this("");
  }

  /** A stub that serves the API under a path prefix, as Apicurio does. */
  public StubSchemaRegistry(String prefix) {
    this.prefix = prefix;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
  }

  /** Puts a schema under a subject with a chosen id, as if registered earlier. */
  public synchronized void put(String subject, int id, Schema schema) {
    schemasById.put(id, schema.toString());
    idsBySubject.computeIfAbsent(subject, s -> new HashMap<>()).put(schema.toString(), id);
    nextId = Math.max(nextId, id + 1);
  }

  /** Answers every following request with this status and body. */
  public synchronized void failWith(int status, String body) {
    failStatus = status;
    failBody = body;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    int status;
    String answer;
    synchronized (this) {
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body));
      if (failStatus != 0) {
        status = failStatus;
        answer = failBody;
      } else if (!path.startsWith(prefix)) {
        status = 404;
        answer = "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}";
      } else {
        String[] result = route(exchange.getRequestMethod(), path.substring(prefix.length()), body);
        status = Integer.parseInt(result[0]);
        answer = result[1];
      }
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String[] route(String method, String path, String body) {
    Matcher matcher;
    if (method.equals("GET") && (matcher = BY_ID.matcher(path)).matches()) {
      String schema = schemasById.get(Integer.parseInt(matcher.group(1)));
      return schema == null
          ? new String[] {"404", "{\"error_code\":40403,\"message\":\"Schema not found\"}"}
          : new String[] {"200", JSON.createObjectNode().put("schema", schema).toString()};
    }
    String schema =
        body.isEmpty()
            ? ""
            : new Schema.Parser().parse(JSON.readTree(body).get("schema").asString()).toString();
    if (method.equals("POST") && (matcher = REGISTER.matcher(path)).matches()) {
      Map<String, Integer> ids =
          idsBySubject.computeIfAbsent(decode(matcher.group(1)), s -> new HashMap<>());
      int id =
          ids.computeIfAbsent(
              schema,
              s ->
                  schemasById.entrySet().stream()
                      .filter(e -> e.getValue().equals(s))
                      .map(Map.Entry::getKey)
                      .findFirst()
                      .orElseGet(() -> nextId++));
      schemasById.put(id, schema);
      return new String[] {"200", "{\"id\":" + id + "}"};
    }
    if (method.equals("POST") && (matcher = LOOKUP.matcher(path)).matches()) {
      String subject = decode(matcher.group(1));
      Map<String, Integer> ids = idsBySubject.get(subject);
      if (ids == null) {
        return new String[] {"404", "{\"error_code\":40401,\"message\":\"Subject not found\"}"};
      }
      Integer id = ids.get(schema);
      return id == null
          ? new String[] {"404", "{\"error_code\":40403,\"message\":\"Schema not found\"}"}
          : new String[] {
            "200",
            JSON.createObjectNode()
                .put("subject", subject)
                .put("id", id)
                .put("version", 1)
                .put("schema", schema)
                .toString()
          };
    }
    return new String[] {"404", "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"};
  }

  private static String decode(String segment) {
    return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }
}
