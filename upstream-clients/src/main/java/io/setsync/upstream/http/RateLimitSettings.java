package io.setsync.upstream.http;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The client's own pace: requests are spaced evenly at {@code requestsPerSecond}, and a caller
 * waits at most {@code maxWait} for its turn before failing with {@code UPSTREAM_RATE_LIMITED}.
 */
public record RateLimitSettings(
    @DecimalMin(value = "0.0", inclusive = false) double requestsPerSecond,
    @NotNull Duration maxWait) {}
