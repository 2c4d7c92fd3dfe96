package io.setsync.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes the properties declared {@code @Schema(nullable = true)} admit null in the OpenAPI 3.1
 * document, where swagger-core's rendering falls short twice: beside a {@code $ref} it writes
 * {@code "type": "null"}, which together with the referenced object schema matches no value at all,
 * so such a property becomes {@code anyOf: [$ref, {type: null}]}; and an {@code enum} (from {@code
 * allowableValues}) admits null only if it lists it.
 */
@Component
class NullablePropertiesCustomizer implements OpenApiCustomizer {

  private static final String NULL = "null";

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
      return;
    }
    for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
      Map<String, Schema> properties = schema.getProperties();
      if (properties != null) {
        properties.replaceAll((name, property) -> admitNull(property));
      }
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema admitNull(Schema property) {
    if (!nullable(property)) {
      return property;
    }
    if (property.get$ref() != null) {
      return new JsonSchema()
          .description(property.getDescription())
          .anyOf(
              List.of(
                  new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of(NULL))));
    }
    if (property.getEnum() != null && !property.getEnum().contains(null)) {
      List values = new ArrayList<>(property.getEnum());
      values.add(null);
      property.setEnum(values);
    }
    return property;
  }

  private static boolean nullable(Schema<?> property) {
    return NULL.equals(property.getType())
        || (property.getTypes() != null && property.getTypes().contains(NULL));
  }
}
