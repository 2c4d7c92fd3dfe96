package io.setsync.api.problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report as a problem instead of an HTML page. Tomcat refuses some requests itself,
 * before any filter or servlet runs (an undecodable or not normalizable path such as {@code %ZZ},
 * {@code %2F} or {@code %00}, a control byte in a header, a malformed request line): neither Spring
 * MVC nor Spring Security ever sees them, and only the Host's error report valve writes their
 * answer. Errors of the application already have their problem written when this valve runs, so it
 * writes only where an error was sent with nothing written yet.
 */
final class ProblemReportValve extends ErrorReportValve {

  private final JsonMapper json;

  ProblemReportValve(JsonMapper json) {
    this.json = json;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write(json.writeValueAsString(problem(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the answer was committed meanwhile: there is no one to tell.
    }
  }

  private static ProblemDetail problem(int status) {
    ProblemType type = ProblemType.forStatus(status);
    ProblemDetail problem =
        Problems.of(type, status == 400 ? "The HTTP request is malformed" : type.title());
    problem.setStatus(status);
    return problem;
  }
}
