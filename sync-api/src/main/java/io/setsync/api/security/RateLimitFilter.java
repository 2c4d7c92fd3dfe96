package io.setsync.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.api.problem.ProblemType;
import io.setsync.api.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 with {@code Retry-After} to a client (token subject) over its request rate. */
final class RateLimitFilter extends OncePerRequestFilter {

  private final TokenBuckets buckets;
  private final ProblemWriter problems;
  private final Counter limited;

  RateLimitFilter(TokenBuckets buckets, ProblemWriter problems, MeterRegistry meters) {
    this.buckets = buckets;
    this.problems = problems;
    this.limited =
        Counter.builder("setsync.api.rate.limited")
            .description("Requests refused because their client was over its rate")
            .register(meters);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      chain.doFilter(request, response);
      return;
    }
    Duration wait = buckets.tryAcquire(token.getName());
    if (wait.isZero()) {
      chain.doFilter(request, response);
      return;
    }
    limited.increment();
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    problems.write(
        request,
        response,
        ProblemType.RATE_LIMITED,
        "Too many requests from this client: retry after " + seconds + " s");
  }
}
