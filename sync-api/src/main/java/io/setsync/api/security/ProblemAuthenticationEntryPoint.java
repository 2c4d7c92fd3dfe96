package io.setsync.api.security;

import io.setsync.api.problem.ProblemType;
import io.setsync.api.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as a problem, with the {@code WWW-Authenticate: Bearer} header RFC 6750 asks for. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final ProblemWriter problems;

  ProblemAuthenticationEntryPoint(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearer.commence(request, response, e);
    boolean tokenGiven = request.getHeader("Authorization") != null;
    problems.write(
        request,
        response,
        ProblemType.UNAUTHORIZED,
        tokenGiven
            ? "The bearer token is invalid, expired or not signed with an accepted key"
            : "A bearer token is required");
  }
}
