package io.guardwall.core.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule group as read: its {@code RuleGroup} JSON (null when it has none yet), its capacity and
 * the update token that proves a write is based on it. Treat {@code ruleGroup} as read-only.
 */
public record FirewallSnapshot(@Nullable ObjectNode ruleGroup, int capacity, String updateToken) {
  public FirewallSnapshot {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    Objects.requireNonNull(updateToken, "updateToken");
  }
}
