package io.setsync.api.request;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.api.problem.ProblemResponses;
import io.setsync.api.sync.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "syncs")
class SyncRequestController {

  private final SyncRequestService service;
  private final Counter queued;
  private final Counter coalesced;

  SyncRequestController(SyncRequestService service, MeterRegistry meters) {
    this.service = service;
    this.queued = requests(meters, "queued");
    this.coalesced = requests(meters, "coalesced");
  }

  @Operation(
      summary = "Ask for a sync of an artist, show or venue",
      description =
          "Records the request durably and publishes SyncRequested through the outbox. A request"
              + " for an entity with a queued or running job returns that job with coalesced=true,"
              + " unless options.forceRefresh. An artist named by spotifyId and/or"
              + " ticketmasterId, and a show or venue named by ticketmasterId, need not be stored"
              + " yet: its row is created and synced. Only an unknown entityId is 404."
              + " With Idempotency-Key, a retry returns the first"
              + " answer. Needs scope sync:write.",
      security = @SecurityRequirement(name = "bearer", scopes = "sync:write"),
      parameters =
          @Parameter(
              name = IdempotencyKeys.HEADER,
              in = ParameterIn.HEADER,
              description = "Makes a retried POST return the first answer (1-255 visible ASCII)",
              schema = @Schema(type = "string", maxLength = IdempotencyKeys.MAX_LENGTH)))
  @ApiResponse(
      responseCode = "202",
      description = "Accepted: the job, new or coalesced",
      headers =
          @Header(
              name = "Location",
              description = "/api/v1/syncs/{syncId}",
              schema = @Schema(type = "string", format = "uri-reference")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = SyncAccepted.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No entity with that entityId",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "422",
      description = "Idempotency-Key reused with a different body",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ProblemResponses({400, 401, 403, 413, 415, 429})
  @PostMapping(
      path = "/api/v1/syncs",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SyncAccepted> requestSync(
      @Valid @RequestBody SyncRequestBody body,
      @Parameter(hidden = true) @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
          String idempotencyKey,
      @Parameter(hidden = true) Authentication authentication) {
    SyncCommand command = SyncCommand.from(body, authentication.getName());
    SyncAccepted answer = service.accept(command, IdempotencyKeys.fromHeader(idempotencyKey));
    (answer.coalesced() ? coalesced : queued).increment();
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/syncs/" + answer.syncId()))
        .body(answer);
  }

  private static Counter requests(MeterRegistry meters, String result) {
    return Counter.builder("setsync.sync.requests")
        .description("Accepted sync requests by result")
        .tag("result", result)
        .register(meters);
  }
}
