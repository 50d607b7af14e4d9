package io.guardwall.core.flow;

import java.util.Objects;

/**
 * Why a finding was not handled in full, by kind, so that a caller decides on the kind and never on
 * the text; immutable.
 */
public sealed interface FindingProblem {

  /** The problem in words, as reports print it under {@code error}. */
  String message();

  /** The finding could not be read: bad input, which no retry mends. */
  record Invalid(String message) implements FindingProblem {
    public Invalid {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The finding was read, but the blocklist store failed while recording its addresses: the run did
   * not do its work, and a retry may.
   */
  record NotRecorded(String message) implements FindingProblem {
    public NotRecorded {
      Objects.requireNonNull(message, "message");
    }
  }
}
