package io.setsync.worker.runtime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the worker runtime, {@code setsync.worker.*}.
 *
 * @param name the worker's name: its consumer group, and the {@code producer} of its events
 * @param schemaRegistryUrl the Confluent-compatible schema registry
 * @param requested the listener on {@code sync.requested.<entity>}
 * @param replay the listener on {@code sync.replay.<entity>}, a lower priority
 * @param retry retries of retryable failures through the retry topics
 * @param freshFor an entity synced this recently is not fetched again unless {@code forceRefresh}
 * @param ledger how long {@code processed_syncs} keeps a finished sync
 * @param sendTimeout how long to wait for Kafka to acknowledge the events of one batch
 * @param startedDelay how long {@code SyncStarted} may be held back to go out with the outcome: a
 *     sync that ends sooner goes from queued to its outcome in one write of the projector; 0 sends
 *     it at once
 * @param shutdownTimeout how long a listener container's {@code stop()} waits for its poll to
 *     finish; when the application shuts down, {@code spring.lifecycle.timeout-per-shutdown-phase}
 *     bounds the wait, after which the poll is abandoned uncommitted and delivered again later
 * @param topicPartitions partitions of the topics the runtime creates if they are missing
 * @param provisionTopics create missing topics and wait for their leaders at start-up
 */
@ConfigurationProperties("setsync.worker")
@Validated
public record WorkerSettings(
    @NotBlank String name,
    @NotNull @DefaultValue("http://localhost:8081") URI schemaRegistryUrl,
    @Valid @DefaultValue Requested requested,
    @Valid @DefaultValue Replay replay,
    @Valid @DefaultValue Retry retry,
    @NotNull @DefaultValue("1h") Duration freshFor,
    @Valid @DefaultValue Ledger ledger,
    @NotNull @DefaultValue("30s") Duration sendTimeout,
    @NotNull @DefaultValue("250ms") Duration startedDelay,
    @NotNull @DefaultValue("30s") Duration shutdownTimeout,
    @Min(1) @DefaultValue("6") int topicPartitions,
    @DefaultValue("true") boolean provisionTopics) {

  @AssertTrue(message = "started-delay must not be negative")
  public boolean isStartedDelayNotNegative() {
    return startedDelay == null || !startedDelay.isNegative();
  }

  /** The ledger answers freshness from the syncs it keeps: it must keep them longer. */
  @AssertTrue(message = "ledger.retention must be longer than fresh-for")
  public boolean isLedgerKeptLongerThanFreshness() {
    return ledger == null
        || freshFor == null
        || ledger.retention() == null
        || ledger.retention().compareTo(freshFor) > 0;
  }

  /**
   * @param concurrency consumer threads
   * @param maxPollRecords records per poll, so per batch and per transaction
   */
  public record Requested(
      @Min(1) @Max(64) @DefaultValue("2") int concurrency,
      @Min(1) @DefaultValue("100") int maxPollRecords) {}

  /**
   * @param concurrency consumer threads
   * @param maxPollRecords records per poll
   * @param maxPerSecond records per second over all replay threads; 0 for no cap
   */
  public record Replay(
      @Min(1) @Max(64) @DefaultValue("1") int concurrency,
      @Min(1) @DefaultValue("50") int maxPollRecords,
      @DecimalMin("0") @DefaultValue("200") double maxPerSecond) {}

  /**
   * @param retention a finished sync older than this is deleted from {@code processed_syncs}; keep
   *     it longer than the retention of the {@code sync.*} topics, since a request delivered again
   *     after its row is gone runs again
   * @param purgeInterval how often the old rows are deleted
   */
  public record Ledger(
      @NotNull @DefaultValue("8d") Duration retention,
      @NotNull @DefaultValue("10m") Duration purgeInterval) {}

  /**
   * @param attempts attempts in all, the first included; 1 sends a retryable failure straight to
   *     the dead-letter topic
   * @param initialBackoff delay before the first retry
   * @param multiplier growth of the delay per retry
   * @param maxBackoff longest delay
   * @param concurrency consumer threads per retry topic
   * @param maxRetryAfter longest wait an upstream's {@code Retry-After} may impose before the next
   *     attempt, which is never made sooner than the upstream asked, up to this; the retry
   *     partition waits with it
   */
  public record Retry(
      @Min(1) @Max(10) @DefaultValue("4") int attempts,
      @NotNull @DefaultValue("1s") Duration initialBackoff,
      @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
      @NotNull @DefaultValue("30s") Duration maxBackoff,
      @Min(1) @DefaultValue("1") int concurrency,
      @NotNull @DefaultValue("5m") Duration maxRetryAfter) {}
}
