package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.aws.NetworkFirewallRendering;
import io.guardwall.aws.RuleGroupLayout;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.reconcile.TargetReport;
import java.util.List;

/**
 * The Network Firewall rule group a replay's dry-run target renders to, as {@code UpdateRuleGroup}
 * would take it: what a replay shows of its target; immutable.
 *
 * @param ruleGroup the {@code RuleGroup} JSON, guardwall's rules only
 * @param blocked the merged CIDRs it blocks
 * @param evicted the desired entries left out for capacity
 * @param capacityUsed the capacity its rules use
 * @param capacity the configured capacity
 */
record DryRunRuleGroup(
    ObjectNode ruleGroup,
    List<Cidr> blocked,
    List<BlocklistEntry> evicted,
    int capacityUsed,
    int capacity) {

  DryRunRuleGroup {
    blocked = List.copyOf(blocked);
    evicted = List.copyOf(evicted);
  }

  /** The group of capacity and layout {@code config} names that blocks what {@code t} holds. */
  static DryRunRuleGroup of(TargetReport t, GuardwallConfig config) {
    NetworkFirewallRendering group =
        NetworkFirewallRendering.ofEmptyGroup(RuleGroupLayout.of(config.firewall()), t.blocked());
    return new DryRunRuleGroup(
        group.ruleGroupJson(),
        t.blocked(),
        t.evicted(),
        group.capacityUsed(),
        config.firewall().capacity());
  }
}
