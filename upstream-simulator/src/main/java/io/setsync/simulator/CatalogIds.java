package io.setsync.simulator;

import java.util.regex.Pattern;

/**
 * The simulator's id scheme. Spotify ids are 22-digit base62 numbers below 2^128, as on Spotify;
 * Ticketmaster ids are opaque, so any 1 to 64 letters, digits, '.', '_' or '-' is well-formed (what
 * sync-api accepts). The ids the catalog issues carry their entity and a check, so any of them
 * decodes back to its entity; Ticketmaster ones also get a type prefix copied from real ids. A
 * well-formed id the catalog did not issue decodes to nothing here, and {@link Catalog} maps it to
 * an entity by hashing it.
 */
final class CatalogIds {

  enum Kind {
    ARTIST,
    ALBUM,
    TRACK
  }

  /** A decoded catalog Spotify id. */
  record SpotifyRef(Kind kind, long payload) {}

  static final String ATTRACTION_PREFIX = "K8vZ9";
  static final String EVENT_PREFIX = "vvG1";
  static final String VENUE_PREFIX = "KovZ";

  private static final Pattern TICKETMASTER_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");

  private static final long SPOTIFY_SALT = 0x5e7a_11d5_0f1a_7e01L;
  private static final long SPOTIFY_SALT_LOW = 0x7a1e_0b5e_55ed_0002L;
  private static final long ATTRACTION_SALT = 0xa77c_0000_0000_0003L;
  private static final long EVENT_SALT = 0xe7e7_0000_0000_0004L;
  private static final long VENUE_SALT = 0x7e7e_0000_0000_0005L;

  private static final int ATTRACTION_DIGITS = 6;
  private static final int ATTRACTION_KEY_BITS = 18;
  private static final long ATTRACTION_CHECK_MASK = (1L << 17) - 1;

  private static final int EVENT_DIGITS = 10;
  private static final int EVENT_PAYLOAD_BITS = 30;
  private static final long EVENT_CHECK_MASK = (1L << 29) - 1;
  static final int EVENT_INDEX_BITS = 12;

  private static final int VENUE_DIGITS = 8;
  private static final int VENUE_INDEX_BITS = 12;
  private static final long VENUE_CHECK_MASK = (1L << 35) - 1;

  private CatalogIds() {}

  static String spotify(Kind kind, long payload) {
    long tagged = payload << 2 | kind.ordinal();
    long high = Seeds.mix(tagged ^ SPOTIFY_SALT);
    long low = tagged ^ Seeds.mix(high ^ SPOTIFY_SALT_LOW);
    return Base62.encode128(high, low);
  }

  static boolean isWellFormedSpotify(String id) {
    return id != null && Base62.decode128(id) != null;
  }

  /** The entity a catalog-issued Spotify id names, or null for any other id. */
  static SpotifyRef spotifyRef(String id) {
    long[] words = id == null ? null : Base62.decode128(id);
    if (words == null) {
      return null;
    }
    long tagged = words[1] ^ Seeds.mix(words[0] ^ SPOTIFY_SALT_LOW);
    if (Seeds.mix(tagged ^ SPOTIFY_SALT) != words[0]) {
      return null;
    }
    int kind = (int) (tagged & 3);
    if (kind >= Kind.values().length) {
      return null;
    }
    return new SpotifyRef(Kind.values()[kind], tagged >>> 2);
  }

  static boolean isWellFormedTicketmaster(String id) {
    return id != null && TICKETMASTER_ID.matcher(id).matches();
  }

  static String attraction(int key) {
    long check = Seeds.mix(key ^ ATTRACTION_SALT) & ATTRACTION_CHECK_MASK;
    return ATTRACTION_PREFIX + Base62.encode(check << ATTRACTION_KEY_BITS | key, ATTRACTION_DIGITS);
  }

  /** The artist key of an attraction id, or -1. */
  static int attractionKey(String id) {
    long value = decode(id, ATTRACTION_PREFIX, ATTRACTION_DIGITS);
    if (value < 0) {
      return -1;
    }
    int key = (int) (value & ((1L << ATTRACTION_KEY_BITS) - 1));
    long check = value >>> ATTRACTION_KEY_BITS;
    return check == (Seeds.mix(key ^ ATTRACTION_SALT) & ATTRACTION_CHECK_MASK) ? key : -1;
  }

  static String event(int key, int index) {
    long payload = (long) key << EVENT_INDEX_BITS | index;
    long check = Seeds.mix(payload ^ EVENT_SALT) & EVENT_CHECK_MASK;
    return EVENT_PREFIX + Base62.encode(check << EVENT_PAYLOAD_BITS | payload, EVENT_DIGITS);
  }

  /** {@code key << 12 | index} of an event id, or -1. */
  static long eventRef(String id) {
    long value = decode(id, EVENT_PREFIX, EVENT_DIGITS);
    if (value < 0) {
      return -1;
    }
    long payload = value & ((1L << EVENT_PAYLOAD_BITS) - 1);
    long check = value >>> EVENT_PAYLOAD_BITS;
    return check == (Seeds.mix(payload ^ EVENT_SALT) & EVENT_CHECK_MASK) ? payload : -1;
  }

  static String venue(int index) {
    long check = Seeds.mix(index ^ VENUE_SALT) & VENUE_CHECK_MASK;
    return VENUE_PREFIX + Base62.encode(check << VENUE_INDEX_BITS | index, VENUE_DIGITS);
  }

  /** The venue index of a venue id, or -1. */
  static int venueIndex(String id) {
    long value = decode(id, VENUE_PREFIX, VENUE_DIGITS);
    if (value < 0) {
      return -1;
    }
    int index = (int) (value & ((1L << VENUE_INDEX_BITS) - 1));
    long check = value >>> VENUE_INDEX_BITS;
    return check == (Seeds.mix(index ^ VENUE_SALT) & VENUE_CHECK_MASK) ? index : -1;
  }

  private static long decode(String id, String prefix, int digits) {
    if (id == null || id.length() != prefix.length() + digits || !id.startsWith(prefix)) {
      return -1;
    }
    return Base62.decode(id, prefix.length(), id.length());
  }
}
