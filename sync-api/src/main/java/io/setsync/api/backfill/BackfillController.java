package io.setsync.api.backfill;

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
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "backfills")
class BackfillController {

  private final BackfillService service;

  BackfillController(BackfillService service) {
    this.service = service;
  }

  @Operation(
      summary = "Sync again every artist, show or venue a selector picks",
      description =
          "Records the backfill and answers at once; its jobs (reason BACKFILL) are then made at"
              + " most maxPerSecond a second and published to sync.replay.<entity>, which the"
              + " workers serve after live requests. With Idempotency-Key, a retry returns the"
              + " first answer. Needs scope sync:admin.",
      security = @SecurityRequirement(name = "bearer", scopes = "sync:admin"),
      parameters =
          @Parameter(
              name = IdempotencyKeys.HEADER,
              in = ParameterIn.HEADER,
              description = "Makes a retried POST return the first answer (1-255 visible ASCII)",
              schema = @Schema(type = "string", maxLength = IdempotencyKeys.MAX_LENGTH)))
  @ApiResponse(
      responseCode = "202",
      description = "Accepted",
      headers =
          @Header(
              name = "Location",
              description = "/api/v1/backfills/{backfillId}",
              schema = @Schema(type = "string", format = "uri-reference")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = BackfillAccepted.class)))
  @ApiResponse(
      responseCode = "422",
      description = "Idempotency-Key reused with a different body",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ProblemResponses({400, 401, 403, 413, 415, 429})
  @PostMapping(
      path = "/api/v1/backfills",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<BackfillAccepted> create(
      @Valid @RequestBody BackfillRequestBody body,
      @Parameter(hidden = true) @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
          String idempotencyKey,
      @Parameter(hidden = true) Authentication authentication) {
    BackfillAccepted accepted =
        service.create(body, authentication.getName(), IdempotencyKeys.fromHeader(idempotencyKey));
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/backfills/" + accepted.backfillId()))
        .body(accepted);
  }

  @Operation(
      summary = "A backfill's progress",
      description = "Needs scope sync:admin.",
      security = @SecurityRequirement(name = "bearer", scopes = "sync:admin"))
  @ApiResponse(
      responseCode = "200",
      description = "The backfill",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = BackfillView.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such backfill",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ProblemResponses({400, 401, 403, 429})
  @GetMapping(path = "/api/v1/backfills/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  BackfillView backfill(@PathVariable UUID id) {
    return service.find(id);
  }
}
