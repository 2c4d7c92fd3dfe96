package io.setsync.worker.show.setlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A digest of everything the ranking reads from an artist's songs, so stored suggestions whose
 * fingerprint differs from the current songs' are known to be stale. The ranking's own parameters
 * are part of it: a new ranking version or list length also makes old suggestions stale.
 */
final class SongsFingerprint {

  private SongsFingerprint() {}

  static String of(List<Song> songs, String songsSource, int rankingVersion, int maxSongs) {
    MessageDigest digest = sha256();
    update(digest, "v" + rankingVersion + "/" + maxSongs);
    update(digest, Objects.toString(songsSource, ""));
    songs.stream()
        .sorted(Comparator.comparing(Song::spotifyId).thenComparing(Song::id))
        .forEach(
            song -> {
              update(digest, song.id().toString());
              update(digest, song.spotifyId());
              update(digest, song.name());
              update(digest, Objects.toString(song.album(), ""));
              update(digest, Objects.toString(song.popularity(), ""));
              update(digest, Objects.toString(song.durationMs(), ""));
            });
    return HexFormat.of().formatHex(digest.digest());
  }

  // Each field ends with its length, so ("ab", "c") and ("a", "bc") digest differently.
  private static void update(MessageDigest digest, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    digest.update(bytes);
    digest.update((byte) 0);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
