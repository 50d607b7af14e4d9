package io.guardwall.core.model;

import io.guardwall.core.text.Excerpt;
import java.util.Objects;

/** Checks the free text a person gives with an action. Stateless. */
public final class Reason {

  /** The longest reason kept: enough for a sentence or a ticket link, short in a Slack line. */
  public static final int MAX_LENGTH = 500;

  private Reason() {}

  /**
   * {@code reason} stripped, when it is at most {@link #MAX_LENGTH} characters; empty is allowed.
   *
   * @throws IllegalArgumentException naming the problem otherwise
   */
  public static String checked(String reason) {
    Objects.requireNonNull(reason, "reason");
    String stripped = reason.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "reason is longer than " + MAX_LENGTH + " characters: " + Excerpt.quoted(stripped));
    }
    return stripped;
  }
}
