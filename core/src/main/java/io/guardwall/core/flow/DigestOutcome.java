package io.guardwall.core.flow;

import io.guardwall.core.slack.BlockedIp;
import java.util.List;

/**
 * What a digest told Slack: the addresses it listed (what the reconcile really put into the
 * firewall), how many messages that took, and why any message failed; immutable.
 */
public record DigestOutcome(List<BlockedIp> listed, int messages, List<String> failures) {

  public DigestOutcome {
    listed = List.copyOf(listed);
    failures = List.copyOf(failures);
  }

  /** Whether every message was accepted. */
  public boolean delivered() {
    return failures.isEmpty();
  }
}
