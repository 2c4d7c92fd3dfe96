package io.setsync.api.projector;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Status projector settings ({@code setsync.projector.*}).
 *
 * @param jobTimeout a job whose status has not changed for this long while queued or running is
 *     failed with TIMED_OUT
 * @param sweepInterval how often stuck jobs are looked for
 * @param sweepBatchSize jobs timed out per statement
 * @param metricsInterval how often jobs by status are counted
 */
@Validated
@ConfigurationProperties("setsync.projector")
record ProjectorSettings(
    @NotNull @DefaultValue("15m") Duration jobTimeout,
    @NotNull @DefaultValue("30s") Duration sweepInterval,
    @Min(1) @DefaultValue("1000") int sweepBatchSize,
    @NotNull @DefaultValue("15s") Duration metricsInterval) {}
