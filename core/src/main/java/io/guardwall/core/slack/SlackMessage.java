package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Slack incoming-webhook message: what it is about and its Block Kit body; immutable once built
 * (do not modify {@code payload}).
 *
 * @param findingId the finding alerted on, or null for a digest of blocked addresses
 */
public record SlackMessage(Kind kind, @Nullable String findingId, ObjectNode payload) {

  /** What a message reports. */
  public enum Kind {
    /** One finding at or above the notify threshold. */
    FINDING,
    /** The addresses newly blocked in one run. */
    BLOCKED,
    /** A cloud execution that failed after its retries. */
    FAILURE,
    /** What a maintenance run unblocked, and what does not fit the rule group. */
    MAINTENANCE,
    /** A CloudWatch alarm that went into or out of ALARM. */
    ALARM,
    /** A reply to a click on a button, through the click's {@code response_url}. */
    ACTION
  }

  public SlackMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
  }
}
