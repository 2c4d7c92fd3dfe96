package io.setsync.api.security;

/** The token settings are unsafe or incomplete: sync-api refuses to start. */
final class InvalidJwtSettingsException extends IllegalStateException {

  private final String action;

  InvalidJwtSettingsException(String message, String action) {
    super(message);
    this.action = action;
  }

  String action() {
    return action;
  }
}
