package io.setsync.api.request;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sync request settings ({@code setsync.api.*}).
 *
 * @param idempotencyKeyRetention how long a first answer is replayed for its Idempotency-Key
 * @param idempotencyKeyPurgeInterval how often expired keys are deleted
 */
@Validated
@ConfigurationProperties("setsync.api")
record RequestSettings(
    @NotNull @DefaultValue("24h") Duration idempotencyKeyRetention,
    @NotNull @DefaultValue("5m") Duration idempotencyKeyPurgeInterval) {}
