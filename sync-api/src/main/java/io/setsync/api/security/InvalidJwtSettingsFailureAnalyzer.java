package io.setsync.api.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused token configuration into Boot's plain start-up failure report. */
class InvalidJwtSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidJwtSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidJwtSettingsException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
