package io.setsync.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;

/**
 * Answers a request that Spring Security's {@link StrictHttpFirewall} refused (a URL that is not
 * normalized or holds an encoded slash, a header value with control characters, an unknown method)
 * as bad input: a 400 problem. The firewall checks a header only when it is read, so a header the
 * API itself reads is refused inside Spring MVC, where {@link ApiExceptionHandler} answers the
 * same.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);
  private static final String REJECTED = "The request was rejected because the ";

  private final ProblemWriter problems;

  ProblemRequestRejectedHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    log.debug("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    problems.write(request, response, ProblemType.INVALID_REQUEST, detail(e));
  }

  /**
   * What was refused, without the refused value (it may be a token). Told by the start of the
   * firewall's message, which is followed by the client's input.
   */
  static String detail(RequestRejectedException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith(REJECTED + "header name")) {
      return "A request header name is not allowed";
    }
    if (message.startsWith(REJECTED + "header")) {
      return "A request header value holds characters that are not allowed";
    }
    if (message.startsWith(REJECTED + "parameter")) {
      return "A request parameter name or value is not allowed";
    }
    if (message.startsWith(REJECTED + "HTTP method")) {
      return "The HTTP method is not allowed";
    }
    if (message.startsWith(REJECTED + "domain")) {
      return "The host is not allowed";
    }
    return "The request URL is not allowed (not normalized, or with an encoded or forbidden"
        + " character)";
  }
}
