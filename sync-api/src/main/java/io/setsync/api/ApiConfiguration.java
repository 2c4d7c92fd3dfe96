package io.setsync.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Request bodies are read strictly: unknown fields, duplicate keys, trailing tokens and scalars
   * of the wrong JSON type ({@code "forceRefresh": "yes"}, {@code "entityType": 1}, {@code
   * "maxPerSecond": "50"} or {@code 2.5}) are 400s rather than guesses.
   */
  @Bean
  JsonMapperBuilderCustomizer strictRequestBodies() {
    return builder ->
        builder
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(
                LogicalType.Textual,
                refuse(
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean))
            .withCoercionConfig(
                LogicalType.Integer,
                refuse(
                    CoercionInputShape.String,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean))
            .withCoercionConfig(
                LogicalType.Boolean,
                refuse(
                    CoercionInputShape.String,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float));
  }

  /** A coercion config that fails on each of the JSON shapes. */
  private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
    return config -> {
      for (CoercionInputShape shape : shapes) {
        config.setCoercion(shape, CoercionAction.Fail);
      }
    };
  }

  @Bean
  OpenAPI setsyncOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Setsync sync API")
                .version("v1")
                .description(
                    "Ask for syncs of artists, shows and venues and follow their status. Errors"
                        + " are application/problem+json (RFC 9457)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "HS256 or RS256 JWT; scopes in the space-separated 'scope' claim:"
                                + " sync:write, sync:read, sync:admin")));
  }
}
