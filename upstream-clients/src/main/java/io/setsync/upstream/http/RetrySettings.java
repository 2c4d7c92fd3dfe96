package io.setsync.upstream.http;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Retries of 5xx, I/O failures, timeouts and 429s: exponential backoff with jitter, or the wait a
 * 429 asked for. A 429 asking for more than {@code maxRetryAfter} is not retried here but reported
 * (retryable), so the caller's own retry schedule takes over.
 */
public record RetrySettings(
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @DecimalMin("1.0") double multiplier,
    @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter) {}
