package io.setsync.api.problem;

import java.util.List;

/**
 * A request body with rules across its fields. {@code @AssertTrue} on a method would report a
 * broken rule under the method's name ({@code spotifyIdForArtist}), which no client can act on;
 * {@link CrossFieldRulesHold}, inherited by every body that implements this, reports each broken
 * rule against the field it names instead.
 */
@CrossFieldRulesHold
public interface CrossFieldRules {

  /**
   * The rules the body breaks; empty if none. A rule that depends on a field's value (an
   * entityType, a selector) is only checked when that value is valid, which is an error of its own.
   */
  List<InvalidField> brokenRules();
}
