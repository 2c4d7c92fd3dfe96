package io.setsync.api.problem;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** Builds {@link ProblemDetail}s of the API's stable types. */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(ProblemType type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.type());
    problem.setTitle(type.title());
    return problem;
  }

  public static ProblemDetail of(ProblemType type, String detail, String instance) {
    ProblemDetail problem = of(type, detail);
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    return problem;
  }
}
