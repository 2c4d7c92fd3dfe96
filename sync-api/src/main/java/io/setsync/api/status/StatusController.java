package io.setsync.api.status;

import io.setsync.api.problem.ApiException;
import io.setsync.api.problem.ProblemResponses;
import io.setsync.api.problem.ProblemType;
import io.setsync.api.sync.EntityKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "syncs")
class StatusController {

  private final StatusStore store;

  StatusController(StatusStore store) {
    this.store = store;
  }

  @Operation(
      summary = "A sync job, with the progress of the syncs it cascaded to",
      description = "Needs scope sync:read.",
      security = @SecurityRequirement(name = "bearer", scopes = "sync:read"))
  @ApiResponse(
      responseCode = "200",
      description = "The job",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = SyncJobView.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such sync",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ProblemResponses({400, 401, 403, 429})
  @GetMapping(path = "/api/v1/syncs/{syncId}", produces = MediaType.APPLICATION_JSON_VALUE)
  SyncJobView sync(@PathVariable UUID syncId) {
    StatusStore.Job job =
        store
            .findJob(syncId)
            .orElseThrow(() -> new ApiException(ProblemType.SYNC_NOT_FOUND, "No sync " + syncId));
    return Lineage.view(job, store.descendants(syncId));
  }

  @Operation(
      summary = "An artist's sync status",
      description = "Needs scope sync:read.",
      security = @SecurityRequirement(name = "bearer", scopes = "sync:read"))
  @ApiResponse(
      responseCode = "200",
      description = "The sync columns",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = EntitySyncStatusView.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such artist",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ProblemResponses({400, 401, 403, 429})
  @GetMapping(
      path = "/api/v1/artists/{id}/sync-status",
      produces = MediaType.APPLICATION_JSON_VALUE)
  EntitySyncStatusView artist(@PathVariable UUID id) {
    return entity(EntityKind.ARTIST, id);
  }

  @Operation(
      summary = "A show's sync status",
      description = "Needs scope sync:read.",
      security = @SecurityRequirement(name = "bearer", scopes = "sync:read"))
  @ApiResponse(
      responseCode = "200",
      description = "The sync columns",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = EntitySyncStatusView.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such show",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ProblemResponses({400, 401, 403, 429})
  @GetMapping(path = "/api/v1/shows/{id}/sync-status", produces = MediaType.APPLICATION_JSON_VALUE)
  EntitySyncStatusView show(@PathVariable UUID id) {
    return entity(EntityKind.SHOW, id);
  }

  @Operation(
      summary = "A venue's sync status",
      description = "Needs scope sync:read.",
      security = @SecurityRequirement(name = "bearer", scopes = "sync:read"))
  @ApiResponse(
      responseCode = "200",
      description = "The sync columns",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = EntitySyncStatusView.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such venue",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ProblemResponses({400, 401, 403, 429})
  @GetMapping(path = "/api/v1/venues/{id}/sync-status", produces = MediaType.APPLICATION_JSON_VALUE)
  EntitySyncStatusView venue(@PathVariable UUID id) {
    return entity(EntityKind.VENUE, id);
  }

  private EntitySyncStatusView entity(EntityKind kind, UUID id) {
    return store
        .findEntityStatus(kind, id)
        .orElseThrow(
            () ->
                new ApiException(ProblemType.ENTITY_NOT_FOUND, "No " + kind.apiName() + " " + id));
  }
}
