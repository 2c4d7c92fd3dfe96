package io.setsync.api.request;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** The body of {@code POST /api/v1/syncs}, the shape the frontend already sends. */
@Schema(name = "SyncRequest", description = "What to sync: at least one identifier")
record SyncRequestBody(
    @Schema(
            allowableValues = {"artist", "show", "venue"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Pattern(regexp = "artist|show|venue", message = "must be artist, show or venue")
        String entityType,
    @Schema(description = "Our id of the entity; must exist (404 otherwise)") UUID entityId,
    @Schema(
            description =
                "Spotify artist id (22 base-62 characters); artists only; the artist need not be"
                    + " stored yet",
            example = "4Z8W4fKeB5YxbusRsdQVPb")
        @Pattern(
            regexp = "[0-9A-Za-z]{22}",
            message = "must be a Spotify id (22 base-62 characters)")
        String spotifyId,
    @Schema(
            description =
                "Ticketmaster id of the artist (attraction), show (event) or venue; the entity"
                    + " need not be stored yet",
            example = "K8vZ9171ob7")
        @Pattern(
            regexp = "[0-9A-Za-z._-]{1,64}",
            message = "must be a Ticketmaster id (1 to 64 letters, digits, '.', '_' or '-')")
        String ticketmasterId,
    @Valid SyncOptionsBody options) {

  @JsonIgnore
  @AssertTrue(message = "at least one of entityId, spotifyId and ticketmasterId is required")
  boolean isIdentified() {
    return entityId != null || spotifyId != null || ticketmasterId != null;
  }

  @JsonIgnore
  @AssertTrue(message = "spotifyId names artists only")
  boolean isSpotifyIdForArtist() {
    return spotifyId == null || entityType == null || "artist".equals(entityType);
  }

  SyncOptionsBody optionsOrDefault() {
    return options == null ? new SyncOptionsBody(false, false) : options;
  }

  /** Options of a sync request; absent or null means false. */
  @Schema(name = "SyncOptions")
  record SyncOptionsBody(
      @Schema(description = "Do not cascade to shows and venues") Boolean skipDependencies,
      @Schema(description = "Sync even if a job is queued or running, and refetch")
          Boolean forceRefresh) {

    boolean skip() {
      return Boolean.TRUE.equals(skipDependencies);
    }

    boolean force() {
      return Boolean.TRUE.equals(forceRefresh);
    }
  }
}
