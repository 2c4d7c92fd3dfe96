package io.setsync.api.security;

import org.springframework.core.env.Environment;

/**
 * Whether this instance runs in local mode: the Spring profile {@code local} is active or {@code
 * SETSYNC_MODE=local} (property {@code setsync.mode}). The local launcher sets both. Only local
 * mode may use the well-known dev JWT secret.
 */
record LocalMode(boolean enabled) {

  static final String PROFILE = "local";

  static LocalMode of(Environment environment) {
    boolean byProfile = environment.matchesProfiles(PROFILE);
    boolean byVariable = PROFILE.equalsIgnoreCase(environment.getProperty("setsync.mode", ""));
    return new LocalMode(byProfile || byVariable);
  }
}
