package io.setsync.upstream.http;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests of one upstream: paces them with a rate limiter, retries what may succeed
 * later (5xx, I/O, timeouts, 429 after its {@code Retry-After}), makes GETs conditional where an
 * {@code ETag} was seen, classifies failures into {@link UpstreamException}s and records metrics.
 * Shared by the Spotify and Ticketmaster clients; not meant for workers to call directly.
 */
public final class UpstreamHttp {

  private static final Logger log = LoggerFactory.getLogger(UpstreamHttp.class);

  private final String upstream;
  private final HttpClient client;
  private final Duration readTimeout;
  private final Credentials credentials;
  private final Retry retry;
  private final RateLimiter limiter;
  private final Duration maxRetryAfter;
  private final Cooldown cooldown = new Cooldown();
  private final EtagCache etags;
  private final UpstreamMetrics metrics;
  private final Clock clock;

  public UpstreamHttp(
      String upstream,
      Duration connectTimeout,
      Duration readTimeout,
      RetrySettings retry,
      RateLimitSettings rateLimit,
      int etagCacheSize,
      Credentials credentials,
      MeterRegistry registry) {
    this.upstream = upstream;
    this.readTimeout = readTimeout;
    this.credentials = credentials;
    this.maxRetryAfter = retry.maxRetryAfter();
    this.clock = Clock.systemUTC();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.limiter = RateLimiter.of(upstream, limiterConfig(rateLimit));
    this.retry = Retry.of(upstream, retryConfig(retry));
    this.etags = new EtagCache(Math.max(1, etagCacheSize));
    this.metrics =
        new UpstreamMetrics(
            registry, upstream, () -> limiter.getMetrics().getAvailablePermissions());
  }

  /** A GET, retried as configured. */
  public UpstreamResponse get(String endpoint, URI uri) {
    return execute(new Call(endpoint, "GET", uri, null, Map.of(), false));
  }

  /**
   * A GET sent with {@code If-None-Match} when this URI answered with an ETag before; a 304 comes
   * back as {@code notModified} with the body seen then.
   */
  public UpstreamResponse getConditional(String endpoint, URI uri) {
    return execute(new Call(endpoint, "GET", uri, null, Map.of(), true));
  }

  /** A form POST, such as a token request. */
  public UpstreamResponse postForm(
      String endpoint, URI uri, String form, Map<String, String> headers) {
    return execute(new Call(endpoint, "POST", uri, form, headers, false));
  }

  private record Call(
      String endpoint,
      String method,
      URI uri,
      String form,
      Map<String, String> headers,
      boolean conditional) {}

  private UpstreamResponse execute(Call call) {
    AtomicInteger attempts = new AtomicInteger();
    return retry.executeSupplier(
        () -> {
          if (attempts.incrementAndGet() > 1) {
            metrics.retry(call.endpoint());
            log.debug("Retrying {} {} (attempt {})", upstream, call.endpoint(), attempts.get());
          }
          return send(call, true);
        });
  }

  private UpstreamResponse send(Call call, boolean mayRenew) {
    waitOutCooldown(call);
    HttpRequest.Builder request =
        HttpRequest.newBuilder().timeout(readTimeout).header("Accept", "application/json");
    String credentialTag = credentials.apply(call.uri(), request);
    call.headers().forEach(request::header);
    EtagCache.Entry cached = call.conditional() ? etags.get(call.uri().toString()) : null;
    if (cached != null) {
      request.header("If-None-Match", cached.etag());
    }
    if (call.form() != null) {
      request.POST(HttpRequest.BodyPublishers.ofString(call.form()));
    } else {
      request.GET();
    }
    acquirePermit(call);
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      metrics.request(call.endpoint(), "TIMEOUT", start);
      throw failure(call, UpstreamErrorCode.TIMED_OUT, true, "no answer in " + readTimeout, e);
    } catch (IOException e) {
      metrics.request(call.endpoint(), "IO_ERROR", start);
      throw failure(call, UpstreamErrorCode.UPSTREAM_UNAVAILABLE, true, e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(call, UpstreamErrorCode.INTERNAL, true, "interrupted", e);
    }
    int status = response.statusCode();
    metrics.request(call.endpoint(), Integer.toString(status), start);
    metrics.quota(response.headers());
    if (status >= 200 && status < 300) {
      if (call.conditional()) {
        response
            .headers()
            .firstValue("ETag")
            .ifPresent(etag -> etags.put(call.uri().toString(), etag, response.body()));
      }
      return new UpstreamResponse(status, response.body(), false);
    }
    if (status == 304 && cached != null) {
      metrics.notModified(call.endpoint());
      return new UpstreamResponse(status, cached.body(), true);
    }
    if (status == 401 && mayRenew && credentials.renew(credentialTag)) {
      log.debug("{} rejected its credentials on {}; renewing once", upstream, call.endpoint());
      return send(call, false);
    }
    Duration retryAfter = null;
    if (status == 429) {
      metrics.rateLimited(call.endpoint());
      retryAfter = RetryAfter.of(response.headers(), clock).orElse(null);
      cooldown.extend(retryAfter != null ? retryAfter : Duration.ofSeconds(1));
      log.info(
          "{} answered 429 on {}; holding off {}",
          upstream,
          call.endpoint(),
          retryAfter != null ? retryAfter : "1s");
    }
    throw FailureClassifier.classify(
        upstream, call.endpoint(), status, response.body(), retryAfter);
  }

  private void waitOutCooldown(Call call) {
    Duration remaining = cooldown.remaining();
    if (remaining.compareTo(maxRetryAfter) > 0) {
      throw new UpstreamException(
          upstream,
          call.endpoint(),
          UpstreamErrorCode.UPSTREAM_RATE_LIMITED,
          0,
          true,
          remaining,
          "holding off after a 429 for another " + remaining,
          null);
    }
    try {
      cooldown.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(call, UpstreamErrorCode.INTERNAL, true, "interrupted", e);
    }
  }

  private void acquirePermit(Call call) {
    if (!limiter.acquirePermission()) {
      if (Thread.currentThread().isInterrupted()) {
        throw failure(call, UpstreamErrorCode.INTERNAL, true, "interrupted", null);
      }
      throw failure(
          call,
          UpstreamErrorCode.UPSTREAM_RATE_LIMITED,
          true,
          "client-side rate limit: no permit within "
              + limiter.getRateLimiterConfig().getTimeoutDuration(),
          null);
    }
  }

  private UpstreamException failure(
      Call call, UpstreamErrorCode code, boolean retryable, String message, Throwable cause) {
    return new UpstreamException(
        upstream, call.endpoint(), code, 0, retryable, null, message, cause);
  }

  private RetryConfig retryConfig(RetrySettings settings) {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            settings.initialBackoff(),
            settings.multiplier(),
            settings.jitter(),
            settings.maxBackoff());
    IntervalBiFunction<UpstreamResponse> interval =
        (attempt, outcome) -> {
          if (outcome.isLeft()
              && outcome.getLeft() instanceof UpstreamException failure
              && failure.retryAfter().isPresent()) {
            return Math.max(1, failure.retryAfter().get().toMillis());
          }
          return backoff.apply(attempt);
        };
    return RetryConfig.<UpstreamResponse>custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnException(this::worthRetryingNow)
        .intervalBiFunction(interval)
        .build();
  }

  /**
   * Transient failures are retried here, but not a wait longer than {@code maxRetryAfter} nor the
   * client's own limiter running dry: those go back to the caller, marked retryable.
   */
  private boolean worthRetryingNow(Throwable thrown) {
    if (!(thrown instanceof UpstreamException failure) || !failure.retryable()) {
      return false;
    }
    if (failure.code() == UpstreamErrorCode.INTERNAL) {
      return false;
    }
    if (failure.code() == UpstreamErrorCode.UPSTREAM_RATE_LIMITED && failure.httpStatus() == 0) {
      return false;
    }
    Optional<Duration> wait = failure.retryAfter();
    return wait.isEmpty() || wait.get().compareTo(maxRetryAfter) <= 0;
  }

  private static RateLimiterConfig limiterConfig(RateLimitSettings settings) {
    // One permit per slot, slots evenly spaced: upstreams that enforce "n per second" as a spike
    // arrest (Ticketmaster's gateway) reject bursts even when the second's total is within n.
    long slotNanos = Math.max(1, (long) (1_000_000_000L / settings.requestsPerSecond()));
    return RateLimiterConfig.custom()
        .limitForPeriod(1)
        .limitRefreshPeriod(Duration.ofNanos(slotNanos))
        .timeoutDuration(settings.maxWait())
        .build();
  }

  @Override
  public String toString() {
    return "UpstreamHttp[" + upstream + "]";
  }
}
