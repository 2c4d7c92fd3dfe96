package io.setsync.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Request and response bodies of the Confluent REST API, with its field names. */
final class RegistryJson {

  private RegistryJson() {}

  /** A schema sent to register, look up or check; only Avro without references. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SchemaRequest(String schema, String schemaType, List<Object> references) {

    String avroSchema() {
      if (schemaType != null && !schemaType.equalsIgnoreCase("AVRO")) {
        throw RegistryException.invalidSchema(
            "schema type " + schemaType + " is not supported, this registry serves AVRO only");
      }
      if (references != null && !references.isEmpty()) {
        throw RegistryException.invalidSchema("schema references are not supported");
      }
      return schema;
    }
  }

  record IdResponse(int id) {}

  record SchemaResponse(String schema) {}

  /** One subject version that uses a schema id. */
  record SubjectAndVersion(String subject, int version) {}

  record SubjectVersionResponse(String subject, int version, int id, String schema) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CompatibilityResponse(
      @JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {}

  record ConfigResponse(String compatibilityLevel) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ConfigUpdate(String compatibility) {}

  record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {}
}
