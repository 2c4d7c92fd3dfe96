package io.setsync.schemas.serde;

import io.setsync.schemas.registry.SchemaRegistryClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys of {@link ConfluentAvroSerializer} and {@link ConfluentAvroDeserializer},
 * named as Confluent's serde names them, so the same Kafka client properties work with either.
 */
public final class AvroSerdeConfig {

  /** Registry root URL, e.g. {@code http://localhost:8081}. Required. Only the first of a list. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Register a schema not yet in its subject (default {@code true}); else only look it up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** Subject naming of values; default {@code TopicRecordNameStrategy} (Confluent: TopicName). */
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  /** Subject naming of keys; default {@code TopicNameStrategy}. */
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

  /** {@code user:password} for HTTP basic auth against the registry. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Registry request timeout in milliseconds (default 10000). */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  private AvroSerdeConfig() {}

  static SchemaRegistryClient registryClient(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(
          "Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\" for the Avro serde");
    }
    String first = url.toString().split(",")[0].trim();
    Object timeout = configs.get(REQUEST_TIMEOUT_MS);
    Duration requestTimeout =
        timeout == null
            ? SchemaRegistryClient.DEFAULT_REQUEST_TIMEOUT
            : Duration.ofMillis(Long.parseLong(timeout.toString().trim()));
    Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
    try {
      return new SchemaRegistryClient(
          URI.create(first),
          SchemaRegistryClient.DEFAULT_CONNECT_TIMEOUT,
          requestTimeout,
          userInfo == null ? null : userInfo.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, first, e.getMessage());
    }
  }

  static boolean autoRegister(Map<String, ?> configs) {
    Object value = configs.get(AUTO_REGISTER_SCHEMAS);
    return value == null || Boolean.parseBoolean(value.toString().trim());
  }

  static SubjectNameStrategy subjectNameStrategy(Map<String, ?> configs, boolean isKey) {
    Object value = configs.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY);
    if (value == null) {
      return isKey ? SubjectNameStrategy.TOPIC_NAME : SubjectNameStrategy.TOPIC_RECORD_NAME;
    }
    if (value instanceof SubjectNameStrategy strategy) {
      return strategy;
    }
    String name = value instanceof Class<?> type ? type.getName() : value.toString();
    try {
      return SubjectNameStrategy.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY, value, e.getMessage());
    }
  }
}
