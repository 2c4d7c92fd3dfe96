package io.setsync.upstream.spotify;

import io.setsync.upstream.UpstreamErrorCode;
import io.setsync.upstream.UpstreamException;
import java.util.regex.Pattern;

/** Spotify ids are 22 base62 characters; anything else is refused before spending a call. */
final class SpotifyIds {

  private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{22}");

  private SpotifyIds() {}

  static String require(String id, String endpoint) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new UpstreamException(
          "spotify",
          endpoint,
          UpstreamErrorCode.INVALID_REQUEST,
          0,
          false,
          null,
          "not a Spotify id: " + id,
          null);
    }
    return id;
  }
}
