package io.setsync.api.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.api.problem.ProblemWriter;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API is an OAuth2 resource server: {@code /api/**} needs a bearer JWT with the call's scope,
 * the dashboard, documentation and actuator are open. Inside the chain, after authentication, come
 * the per-client rate limit and then the body size limit.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The dashboard's page and assets ({@code static/}): open, since the page asks for the token. */
  static final String[] DASHBOARD = {"/", "/index.html", "/dashboard.js", "/dashboard.css"};

  /**
   * The dashboard page loads nothing but its own script and stylesheet and talks to this origin
   * only; no inline script, no framing.
   */
  static final String DASHBOARD_CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final SecuritySettings settings;

  SecurityConfiguration(SecuritySettings settings) {
    this.settings = settings;
  }

  @Bean
  JwtDecoder jwtDecoder(Environment environment, MeterRegistry meters) {
    return JwtDecoders.create(settings.jwt(), LocalMode.of(environment), meters);
  }

  /**
   * No observation around each security filter, authentication and authorization: with them every
   * request wrapped each of the chain's filters in an observation (in the profile of a POST, every
   * filter frame had an observation frame around it) for spans nobody reads. Requests are still
   * observed as a whole ({@code http.server.requests}).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  TokenBuckets rateLimitBuckets() {
    SecuritySettings.RateLimit limit = settings.rateLimit();
    return new TokenBuckets(
        limit.requestsPerSecond(), limit.burst(), limit.idleEviction(), System::nanoTime);
  }

  @Bean
  RateLimitEviction rateLimitEviction(TokenBuckets buckets) {
    return new RateLimitEviction(buckets);
  }

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      JwtDecoder decoder,
      TokenBuckets buckets,
      ProblemWriter problems,
      MeterRegistry meters)
      throws Exception {
    ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
    ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .cors(cors -> cors.configurationSource(corsConfigurationSource()))
        .headers(headers -> headers.addHeaderWriter(dashboardContentSecurityPolicy()))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(HttpMethod.GET, DASHBOARD)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/syncs")
                    .hasAuthority(Scopes.authority(Scopes.WRITE))
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/syncs/*",
                        "/api/v1/artists/*/sync-status",
                        "/api/v1/shows/*/sync-status",
                        "/api/v1/venues/*/sync-status")
                    .hasAuthority(Scopes.authority(Scopes.READ))
                    .requestMatchers("/api/v1/backfills", "/api/v1/backfills/**")
                    .hasAuthority(Scopes.authority(Scopes.ADMIN))
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .bearerTokenResolver(apiTokensOnly())
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(scopes())))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        .addFilterAfter(
            new RateLimitFilter(buckets, problems, meters), BearerTokenAuthenticationFilter.class)
        .addFilterAfter(new BodySizeLimitFilter(problems), AuthorizationFilter.class);
    return http.build();
  }

  // Spring Security's default headers stay on every answer; the dashboard page adds a CSP.
  private static HeaderWriter dashboardContentSecurityPolicy() {
    RequestMatcher page =
        new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/index.html"));
    return new DelegatingRequestMatcherHeaderWriter(
        page, new ContentSecurityPolicyHeaderWriter(DASHBOARD_CONTENT_SECURITY_POLICY));
  }

  private static JwtAuthenticationConverter scopes() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName("scope");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }

  // Open endpoints ignore an Authorization header instead of failing on a stale token.
  private static BearerTokenResolver apiTokensOnly() {
    DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
    return request ->
        request.getRequestURI().startsWith("/api/") ? resolver.resolve(request) : null;
  }

  private CorsConfigurationSource corsConfigurationSource() {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins =
        settings.corsAllowedOrigins().stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    if (!origins.isEmpty()) {
      CorsConfiguration cors = new CorsConfiguration();
      cors.setAllowedOrigins(origins);
      cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
      cors.setAllowedHeaders(
          List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key"));
      cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
      cors.setMaxAge(Duration.ofHours(1));
      source.registerCorsConfiguration("/api/**", cors);
    }
    return source;
  }

  /** Drops the rate-limit buckets of clients that went quiet. */
  static final class RateLimitEviction {

    private final TokenBuckets buckets;

    RateLimitEviction(TokenBuckets buckets) {
      this.buckets = buckets;
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evict() {
      buckets.evictIdle();
    }
  }
}
