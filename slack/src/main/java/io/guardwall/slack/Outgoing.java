package io.guardwall.slack;

import io.guardwall.core.slack.SlackMessage;
import java.util.List;

/**
 * A message to post and the queued messages it stands for: one, or several merged BLOCKED digests,
 * all of which are delivered or fail together. Immutable.
 */
record Outgoing(SlackMessage message, List<SlackMessage> originals) {

  Outgoing {
    originals = List.copyOf(originals);
  }

  static Outgoing of(SlackMessage message) {
    return new Outgoing(message, List.of(message));
  }
}
