package io.setsync.api.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an endpoint answers, documented in the OpenAPI document as {@code
 * application/problem+json} with the title of their {@link ProblemType} (429 with its {@code
 * Retry-After} header), by {@link ProblemResponsesCustomizer}. A status the endpoint also documents
 * with its own {@code @ApiResponse} keeps that one.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

  /** HTTP statuses, such as 400, 401, 403, 429. */
  int[] value();
}
