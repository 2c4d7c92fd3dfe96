package io.setsync.api.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings of sync-api beyond {@code spring.kafka.*} ({@code setsync.kafka.*}).
 *
 * @param schemaRegistryUrl the Confluent-compatible registry ({@code SETSYNC_SCHEMA_REGISTRY_URL})
 * @param partitions partitions of the topics sync-api creates if they are missing
 * @param provisionTimeout how long one attempt to create topics and see their leaders may take
 * @param provisionRetry the pause between attempts while Kafka is unreachable
 */
@Validated
@ConfigurationProperties("setsync.kafka")
public record KafkaSettings(
    @NotBlank @DefaultValue("http://localhost:8081") String schemaRegistryUrl,
    @Min(1) @DefaultValue("6") int partitions,
    @NotNull @DefaultValue("60s") Duration provisionTimeout,
    @NotNull @DefaultValue("5s") Duration provisionRetry) {}
