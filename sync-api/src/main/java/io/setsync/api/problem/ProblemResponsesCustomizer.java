package io.setsync.api.problem;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the statuses of {@link ProblemResponses}: springdoc has no shared responses, and the
 * same seven lines of {@code @ApiResponse} per status and endpoint said nothing the status does
 * not.
 */
@Component
class ProblemResponsesCustomizer implements OperationCustomizer, OpenApiCustomizer {

  private static final String PROBLEM_SCHEMA = "ProblemDetail";
  private static final String INVALID_FIELD_SCHEMA = "InvalidField";

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    ProblemResponses declared = handlerMethod.getMethodAnnotation(ProblemResponses.class);
    if (declared == null) {
      return operation;
    }
    ApiResponses responses =
        operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
    for (int status : declared.value()) {
      responses.computeIfAbsent(String.valueOf(status), code -> response(status));
    }
    return operation.responses(responses);
  }

  /**
   * Makes sure the schema the responses refer to is in the document, as Spring writes a problem:
   * the members of {@link ProblemDetail#getProperties()} (such as {@code errors}) are members of
   * the problem, not a {@code properties} field, and {@code instance} is a relative reference.
   */
  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.components(new Components());
    }
    ModelConverters.getInstance()
        .readAll(ProblemDetail.class)
        .forEach(
            (name, schema) -> {
              if (openApi.getComponents().getSchemas() == null
                  || !openApi.getComponents().getSchemas().containsKey(name)) {
                openApi.getComponents().addSchemas(name, schema);
              }
            });
    Schema<?> problem = openApi.getComponents().getSchemas().get(PROBLEM_SCHEMA);
    if (problem != null && problem.getProperties() != null) {
      problem.getProperties().remove("properties");
      problem.additionalProperties(true);
      Schema<?> instance = problem.getProperties().get("instance");
      if (instance != null) {
        instance.format("uri-reference");
      }
      openApi.getComponents().addSchemas(INVALID_FIELD_SCHEMA, invalidField());
      problem.addProperty(
          "errors",
          new JsonSchema()
              .types(Set.of("array"))
              .description("400 only: what is wrong with the request, field by field")
              .items(new JsonSchema().$ref("#/components/schemas/" + INVALID_FIELD_SCHEMA)));
    }
  }

  private static Schema<?> invalidField() {
    return new JsonSchema()
        .types(Set.of("object"))
        .addProperty(
            "field",
            new JsonSchema()
                .types(Set.of("string", "null"))
                .description(
                    "The request field to change (nested ones as options.forceRefresh); null"
                        + " when no single field is at fault, such as a request naming none of"
                        + " entityId, spotifyId and ticketmasterId"))
        .addProperty("message", new JsonSchema().types(Set.of("string")))
        .required(List.of("field", "message"));
  }

  private static ApiResponse response(int status) {
    ApiResponse response =
        new ApiResponse()
            .description(ProblemType.forStatus(status).title())
            .content(
                new Content()
                    .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType()
                            .schema(
                                new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    if (status == 429) {
      response.addHeaderObject(
          "Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()));
    }
    return response;
  }
}
