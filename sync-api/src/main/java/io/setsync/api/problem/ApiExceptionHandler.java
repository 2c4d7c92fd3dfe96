package io.setsync.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception of the web layer into a problem of a stable type, without stack traces:
 * Spring MVC's own exceptions (404, 405, 406, 415, bad bodies) through {@link
 * ResponseEntityExceptionHandler}, the API's through {@link ApiException}, anything else as 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> handleApi(ApiException e, HttpServletRequest request) {
    return problem(Problems.of(e.type(), e.getMessage(), request.getRequestURI()), null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> handleTypeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    ProblemDetail problem =
        Problems.of(
            ProblemType.INVALID_REQUEST,
            "'" + e.getName() + "' is not a valid " + describe(e.getRequiredType()),
            request.getRequestURI());
    problem.setProperty("errors", List.of(new InvalidField(e.getName(), "invalid format")));
    return problem(problem, null);
  }

  // The firewall refuses a header when it is read, here a header the API reads (Idempotency-Key).
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> handleRejected(RequestRejectedException e, HttpServletRequest request) {
    return problem(
        Problems.of(
            ProblemType.INVALID_REQUEST,
            ProblemRequestRejectedHandler.detail(e),
            request.getRequestURI()),
        null);
  }

  @ExceptionHandler({
    CannotCreateTransactionException.class,
    CannotGetJdbcConnectionException.class,
    DataAccessResourceFailureException.class,
    QueryTimeoutException.class,
    TransientDataAccessException.class
  })
  ResponseEntity<Object> handleDatabaseUnavailable(Exception e, HttpServletRequest request) {
    log.warn("Database unavailable for {}: {}", request.getRequestURI(), e.toString());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "1");
    return problem(
        Problems.of(
            ProblemType.UNAVAILABLE,
            "The database is unavailable, try again shortly",
            request.getRequestURI()),
        headers);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(
        Problems.of(ProblemType.INTERNAL, "An unexpected error occurred", request.getRequestURI()),
        null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.add(new InvalidField(error.getField(), message(error.getDefaultMessage())));
    }
    for (ObjectError error : e.getBindingResult().getGlobalErrors()) {
      errors.add(InvalidField.ofBody(message(error.getDefaultMessage())));
    }
    ProblemDetail problem =
        Problems.of(
            ProblemType.INVALID_REQUEST,
            "The request body is invalid: "
                + String.join(
                    "; ",
                    errors.stream()
                        .map(
                            error ->
                                error.field() == null
                                    ? error.message()
                                    : error.field() + " " + error.message())
                        .sorted()
                        .toList()),
            path(request));
    problem.setProperty("errors", errors);
    return problem(problem, headers);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        Problems.of(ProblemType.INVALID_REQUEST, "The request is invalid", path(request)), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        Problems.of(ProblemType.INVALID_REQUEST, unreadableDetail(e), path(request));
    if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      problem.setProperty(
          "errors", List.of(new InvalidField(fieldPath(databind), fieldMessage(databind))));
    }
    return problem(problem, headers);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemType type = ProblemType.forStatus(status.value());
    String detail =
        body instanceof ProblemDetail given && given.getDetail() != null
            ? given.getDetail()
            : type.title();
    ProblemDetail problem = Problems.of(type, detail, path(request));
    return problem(problem, headers);
  }

  private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus());
    if (headers != null) {
      builder.headers(headers);
    }
    return builder.body(problem);
  }

  private static String unreadableDetail(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return "Unknown field '" + unknown.getPropertyName() + "'";
    }
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      return "Field '" + fieldPath(databind) + "' " + fieldMessage(databind);
    }
    if (cause instanceof JacksonException) {
      return "The request body is not valid JSON";
    }
    return "The request body is missing or unreadable";
  }

  private static String fieldPath(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String fieldMessage(DatabindException e) {
    return e instanceof UnrecognizedPropertyException
        ? "is not a known field"
        : "has an invalid value or type";
  }

  private static String message(String message) {
    return message == null ? "is invalid" : message;
  }

  private static String describe(Class<?> type) {
    return type == null ? "value" : type.getSimpleName();
  }

  private static String path(WebRequest request) {
    return request instanceof ServletWebRequest servlet
        ? servlet.getRequest().getRequestURI()
        : null;
  }
}
