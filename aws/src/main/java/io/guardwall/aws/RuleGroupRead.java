package io.guardwall.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule group as read: its {@code RuleGroup} JSON (null when it has none yet), its capacity and
 * the update token that proves a write is based on it; treat {@code ruleGroup} as read-only.
 */
record RuleGroupRead(@Nullable ObjectNode ruleGroup, int capacity, String updateToken) {
  RuleGroupRead {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    Objects.requireNonNull(updateToken, "updateToken");
  }
}
