package io.setsync.api.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbox relay settings ({@code setsync.outbox.*}).
 *
 * @param batchSize rows locked and published per round
 * @param pollInterval how often an idle relay looks for rows nobody woke it for (other instances)
 * @param batchLinger how long the relay waits after a round that published rows before the next
 *     one, so that requests committed meanwhile share one transaction and one Kafka request (like
 *     the producer's {@code linger.ms}); a full round is followed at once; 0 disables it
 * @param sendTimeout how long a round waits for Kafka's acknowledgements
 * @param maxBackoff the longest pause between rounds while publishing fails
 * @param metricsInterval how often backlog and age are measured
 */
@Validated
@ConfigurationProperties("setsync.outbox")
record OutboxSettings(
    @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
    @NotNull @DefaultValue("200ms") Duration pollInterval,
    @NotNull @DefaultValue("10ms") Duration batchLinger,
    @NotNull @DefaultValue("30s") Duration sendTimeout,
    @NotNull @DefaultValue("5s") Duration maxBackoff,
    @NotNull @DefaultValue("5s") Duration metricsInterval) {}
