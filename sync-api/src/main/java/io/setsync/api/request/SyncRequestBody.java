package io.setsync.api.request;

import io.setsync.api.problem.CrossFieldRules;
import io.setsync.api.problem.InvalidField;
import io.setsync.api.sync.EntityKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The body of {@code POST /api/v1/syncs}, the shape the frontend already sends. */
@Schema(name = "SyncRequest", description = "What to sync: at least one identifier")
record SyncRequestBody(
    @Schema(
            description = "In any case: ARTIST, SHOW and VENUE, as the events spell them, too",
            allowableValues = {"artist", "show", "venue"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Pattern(
            regexp = "artist|show|venue",
            flags = Pattern.Flag.CASE_INSENSITIVE,
            message = "must be artist, show or venue")
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
    @Valid SyncOptionsBody options)
    implements CrossFieldRules {

  @Override
  public List<InvalidField> brokenRules() {
    List<InvalidField> broken = new ArrayList<>();
    if (entityId == null && spotifyId == null && ticketmasterId == null) {
      broken.add(
          InvalidField.ofBody(
              "at least one of entityId, spotifyId and ticketmasterId is required"));
    }
    Optional<EntityKind> kind = EntityKind.fromApiName(entityType);
    if (spotifyId != null && kind.isPresent() && kind.get() != EntityKind.ARTIST) {
      broken.add(
          new InvalidField(
              "spotifyId",
              "names artists only: name a "
                  + kind.get().apiName()
                  + " by entityId or ticketmasterId"));
    }
    return broken;
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
