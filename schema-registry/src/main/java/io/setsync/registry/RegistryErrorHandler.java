package io.setsync.registry;

import io.setsync.registry.RegistryJson.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error as Confluent's body: {@code {"error_code": ..., "message": ...}}. */
@RestControllerAdvice
class RegistryErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(RegistryErrorHandler.class);
  private static final MediaType V1 = MediaType.parseMediaType(RegistryMediaTypes.V1);

  @ExceptionHandler(RegistryException.class)
  ResponseEntity<ErrorResponse> registry(RegistryException e) {
    return error(e.status(), e.errorCode(), e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        400,
        "Unreadable request body: " + e.getMostSpecificCause().getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        415,
        "HTTP 415 Unsupported Media Type: " + e.getContentType());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorResponse> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return error(HttpStatus.NOT_ACCEPTABLE, 406, "HTTP 406 Not Acceptable");
  }

  @ExceptionHandler({NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ErrorResponse> notFound(Exception e) {
    return error(HttpStatus.NOT_FOUND, 404, "HTTP 404 Not Found");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, 405, "HTTP 405 Method Not Allowed");
  }

  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ErrorResponse> store(DataAccessException e) {
    log.error("Schema store failed", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, 50001, "Error in the backend data store");
  }

  private static ResponseEntity<ErrorResponse> error(HttpStatus status, int code, String message) {
    return ResponseEntity.status(status).contentType(V1).body(new ErrorResponse(code, message));
  }
}
