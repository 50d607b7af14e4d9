package io.guardwall.aws;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;

/**
 * A rule group as read: its {@code RuleGroup} (null when it has none yet), its capacity and the
 * update token that proves a write is based on it; immutable.
 */
record RuleGroupRead(@Nullable RuleGroup ruleGroup, int capacity, String updateToken) {
  RuleGroupRead {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    Objects.requireNonNull(updateToken, "updateToken");
  }
}
