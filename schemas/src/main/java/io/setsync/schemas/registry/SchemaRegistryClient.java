package io.setsync.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the Confluent Schema Registry REST API (also served by Apicurio under {@code
 * /apis/ccompat/v7} and by the Setsync schema-registry module), Avro schemas only.
 *
 * <p>Thread-safe. Answers are cached for the life of the client: a subject+schema always maps to
 * the same id, and an id always to the same schema, so the caches never go stale.
 */
public final class SchemaRegistryClient {

  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
          + " application/json; qs=0.5";
  private static final JsonMapper JSON = JsonMapper.shared();

  private final String baseUrl;
  private final Duration requestTimeout;
  private final String authorization;
  private final HttpClient http;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public SchemaRegistryClient(URI baseUrl) {
    this(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, null);
  }

  /**
   * @param baseUrl the registry root, e.g. {@code http://localhost:8081} or {@code
   *     https://registry/apis/ccompat/v7}
   * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or null
   */
  public SchemaRegistryClient(
      URI baseUrl, Duration connectTimeout, Duration requestTimeout, String basicAuthUserInfo) {
    String url = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.requestTimeout = requestTimeout;
    this.authorization =
        basicAuthUserInfo == null || basicAuthUserInfo.isBlank()
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The registry root this client talks to. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Registers the schema under the subject ({@code POST /subjects/{subject}/versions}) and returns
   * its global id. Registering a schema the subject already has returns the existing id.
   *
   * @throws SchemaRegistryException e.g. 409 when the schema is incompatible with the subject's
   *     earlier versions
   */
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = post("/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = requiredInt(answer, "id");
    idsBySubjectSchema.putIfAbsent(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  /**
   * Finds the schema among the subject's versions ({@code POST /subjects/{subject}}).
   *
   * @throws SchemaRegistryException 40401 when the subject is unknown, 40403 when the subject has
   *     no such schema
   */
  public RegisteredSchema lookup(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    RegisteredSchema cached = lookups.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = post("/subjects/" + encode(subject), schemaBody(schema));
    RegisteredSchema found =
        new RegisteredSchema(
            subject, requiredInt(answer, "id"), requiredInt(answer, "version"), schema);
    lookups.putIfAbsent(key, found);
    idsBySubjectSchema.putIfAbsent(key, found.id());
    schemasById.putIfAbsent(found.id(), schema);
    return found;
  }

  /**
   * The schema with this global id ({@code GET /schemas/ids/{id}}).
   *
   * @throws SchemaRegistryException 40403 when there is no such id
   */
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send(request("/schemas/ids/" + id).GET().build());
    String text = answer.path("schema").asString(null);
    if (text == null) {
      throw new SchemaRegistryException(
          200, -1, "Registry answer for schema id " + id + " has no schema");
    }
    Schema schema;
    try {
      schema = new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          "Schema id " + id + " from the registry is not a valid Avro schema: " + e.getMessage(),
          e);
    }
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  private JsonNode post(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("Accept", ACCEPT);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private JsonNode send(HttpRequest request) {
    String what = request.method() + " " + request.uri();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException("Schema registry unreachable: " + what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted during " + what, e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      int errorCode = body == null ? -1 : body.path("error_code").asInt(-1);
      String message =
          body == null ? abbreviate(response.body()) : body.path("message").asString("");
      throw new SchemaRegistryException(
          response.statusCode(),
          errorCode,
          "Schema registry answered "
              + response.statusCode()
              + " to "
              + what
              + ": error_code "
              + errorCode
              + ", "
              + message);
    }
    if (body == null) {
      throw new SchemaRegistryException(
          response.statusCode(), -1, "Schema registry answered " + what + " without JSON");
    }
    return body;
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(text);
      return node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static int requiredInt(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.isInt()) {
      throw new SchemaRegistryException(
          200, -1, "Schema registry answer has no integer '" + field + "': " + answer);
    }
    return value.intValue();
  }

  private static String schemaBody(Schema schema) {
    return JSON.writeValueAsString(JSON.createObjectNode().put("schema", schema.toString()));
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  private record SubjectSchema(String subject, Schema schema) {}
}
