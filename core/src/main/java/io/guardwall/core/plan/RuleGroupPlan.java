package io.guardwall.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.policy.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the planner rendered; immutable (treat {@code ruleGroup} as read-only).
 *
 * @param ruleGroup the {@code RuleGroup} object exactly as {@code UpdateRuleGroup} takes it
 * @param blocked the merged CIDRs in guardwall's rules, IPv4 first, each family ascending
 * @param evicted the desired entries left out for lack of capacity, first evicted first
 * @param refused the desired entries the safety rule keeps out of the group, with the reason
 * @param added the desired entries this plan puts into the group that it did not block before, in
 *     CIDR order: what a digest reports as newly blocked once the plan is written
 * @param capacityUsed capacity the whole rendered group needs (other rules included)
 * @param capacity the rule group's capacity
 * @param changed whether {@code ruleGroup} differs in meaning from the current group
 */
public record RuleGroupPlan(
    ObjectNode ruleGroup,
    List<Cidr> blocked,
    List<BlocklistEntry> evicted,
    List<Violation> refused,
    List<BlocklistEntry> added,
    int capacityUsed,
    int capacity,
    boolean changed) {

  public RuleGroupPlan {
    Objects.requireNonNull(ruleGroup, "ruleGroup");
    blocked = List.copyOf(blocked);
    evicted = List.copyOf(evicted);
    refused = List.copyOf(refused);
    added = List.copyOf(added);
    if (capacityUsed < 0 || capacityUsed > capacity) {
      throw new IllegalArgumentException(
          "capacityUsed " + capacityUsed + " is outside 0.." + capacity);
    }
  }

  /**
   * The desired entries this plan keeps out of the rule group: left out for capacity or refused.
   */
  public Set<Cidr> notInFirewall() {
    Set<Cidr> out = new HashSet<>();
    evicted.forEach(e -> out.add(e.cidr()));
    refused.forEach(v -> out.add(v.cidr()));
    return Set.copyOf(out);
  }
}
