package io.setsync.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.api.TestTokens;
import io.setsync.api.problem.ProblemWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The dashboard at {@code /}: its page and assets are served without a token, with a cache policy
 * and the security headers, while the API behind it still needs one. Runs on the real security
 * chain and the real problem handling, without a database or Kafka. (The web slice of Boot 4 brings
 * Spring Security only with spring-boot-security-test, so its auto-configuration is named here.)
 */
@WebMvcTest(
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = {
              "io\\.setsync\\.api\\.request\\..*",
              "io\\.setsync\\.api\\.status\\..*",
              "io\\.setsync\\.api\\.backfill\\..*"
            }))
@Import({SecurityConfiguration.class, ProblemWriter.class, DashboardTests.Meters.class})
@ImportAutoConfiguration({
  SecurityAutoConfiguration.class,
  ServletWebSecurityAutoConfiguration.class,
  SecurityFilterAutoConfiguration.class
})
@EnableConfigurationProperties(SecuritySettings.class)
@TestPropertySource(properties = "setsync.security.jwt.secret=" + TestTokens.SECRET)
class DashboardTests {

  @Autowired private MockMvcTester mvc;

  @Test
  void servesThePageAtTheRootWithoutAToken() {
    MvcTestResult root = mvc.get().uri("/").accept(MediaType.TEXT_HTML).exchange();
    MvcTestResult page = mvc.get().uri("/index.html").accept(MediaType.TEXT_HTML).exchange();

    assertThat(root).hasStatusOk().hasForwardedUrl("/index.html");
    assertThat(root)
        .headers()
        .hasValue(
            "Content-Security-Policy", SecurityConfiguration.DASHBOARD_CONTENT_SECURITY_POLICY);
    assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    assertThat(page)
        .bodyText()
        .contains(
            "<form id=\"token-form\"",
            "<form id=\"sync-form\"",
            "<form id=\"job-form\"",
            "<form id=\"status-form\"",
            "src=\"dashboard.js\"",
            "href=\"dashboard.css\"",
            "href=\"v3/api-docs\"",
            "href=\"actuator/health\"",
            "href=\"actuator/prometheus\"");
  }

  @Test
  void answersAClientThatAcceptsNoHtmlAtTheRootWithAProblem406() {
    MvcTestResult answer = mvc.get().uri("/").accept(MediaType.APPLICATION_JSON).exchange();

    assertThat(answer)
        .hasStatus(406)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://setsync.io/problems/not-acceptable");
  }

  @Test
  void servesTheScriptAndTheStylesheetWithoutAToken() {
    MvcTestResult script = mvc.get().uri("/dashboard.js").exchange();
    MvcTestResult style = mvc.get().uri("/dashboard.css").exchange();

    assertThat(script).hasStatusOk();
    assertThat(script.getResponse().getContentType()).contains("javascript");
    assertThat(script).bodyText().contains("sessionStorage", "api/v1/syncs");
    assertThat(style).hasStatusOk().hasContentTypeCompatibleWith("text/css");
  }

  @Test
  void letsBrowsersCacheTheFilesOnlyAfterRevalidating() {
    MvcTestResult page = mvc.get().uri("/index.html").exchange();
    MvcTestResult script = mvc.get().uri("/dashboard.js").exchange();

    for (MvcTestResult answer : new MvcTestResult[] {page, script}) {
      assertThat(answer).headers().hasValue("Cache-Control", "no-cache");
      assertThat(answer).headers().containsHeader("Last-Modified").doesNotContainHeader("Pragma");
    }
  }

  @Test
  void answersAnUnchangedFileWith304() {
    String lastModified =
        mvc.get().uri("/dashboard.css").exchange().getResponse().getHeader("Last-Modified");

    MvcTestResult again =
        mvc.get().uri("/dashboard.css").header("If-Modified-Since", lastModified).exchange();

    assertThat(again).hasStatus(304);
  }

  @Test
  void keepsSpringSecuritysHeadersOnTheDashboard() {
    MvcTestResult page = mvc.get().uri("/index.html").exchange();

    assertThat(page)
        .headers()
        .hasValue("X-Content-Type-Options", "nosniff")
        .hasValue("X-Frame-Options", "DENY")
        .hasValue(
            "Content-Security-Policy", SecurityConfiguration.DASHBOARD_CONTENT_SECURITY_POLICY);
  }

  @Test
  void ignoresAStaleTokenOnTheDashboard() {
    MvcTestResult page =
        mvc.get().uri("/index.html").header("Authorization", "Bearer not-a-jwt").exchange();

    assertThat(page).hasStatusOk();
  }

  @Test
  void stillAnswersAnApiCallWithoutATokenWith401() {
    MvcTestResult get = mvc.get().uri("/api/v1/syncs/" + UUID.randomUUID()).exchange();
    MvcTestResult post =
        mvc.post()
            .uri("/api/v1/syncs")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"entityType\":\"artist\",\"spotifyId\":\"4Z8W4fKeB5YxbusRsdQVPb\"}")
            .exchange();

    for (MvcTestResult answer : new MvcTestResult[] {get, post}) {
      assertThat(answer)
          .hasStatus(401)
          .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer).headers().containsHeader("WWW-Authenticate");
      assertThat(answer)
          .bodyJson()
          .extractingPath("$.type")
          .isEqualTo("https://setsync.io/problems/unauthorized");
      assertThat(answer).headers().doesNotContainHeader("Content-Security-Policy");
    }
  }

  @Test
  void stillAnswersAnUnknownRouteWithAProblem404() {
    MvcTestResult answer = mvc.get().uri("/dashboard-old.js").exchange();

    assertThat(answer)
        .hasStatus(404)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://setsync.io/problems/not-found");
  }

  @Test
  void rendersResponsesAsTextNeverAsMarkup() throws IOException {
    String script = read("static/dashboard.js");

    assertThat(script)
        .doesNotContain(
            "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(");
  }

  private static String read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Meters {

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}
