package io.setsync.registry;

/** A version in a path: a number from 1, or {@code latest} (also written -1). */
record VersionId(int number) {

  static final VersionId LATEST = new VersionId(-1);

  static VersionId parse(String value) {
    if ("latest".equalsIgnoreCase(value) || "-1".equals(value)) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return new VersionId(number);
      }
    } catch (NumberFormatException e) {
      // falls through to the registry's own error
    }
    throw RegistryException.invalidVersion(value);
  }

  boolean isLatest() {
    return number == -1;
  }
}
