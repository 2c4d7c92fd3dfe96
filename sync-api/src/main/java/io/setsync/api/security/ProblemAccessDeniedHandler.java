package io.setsync.api.security;

import io.setsync.api.problem.ProblemType;
import io.setsync.api.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem, with {@code WWW-Authenticate: Bearer error="insufficient_scope"}. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
  private final ProblemWriter problems;

  ProblemAccessDeniedHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    bearer.handle(request, response, e);
    problems.write(
        request,
        response,
        ProblemType.FORBIDDEN,
        "The token lacks the scope this call needs (" + Scopes.requiredFor(request) + ")");
  }
}
