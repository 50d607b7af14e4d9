package io.guardwall.aws;

import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallRetryableException;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;

/**
 * A Network Firewall stateless rule group as the API reads and writes it, behind {@link
 * NetworkFirewallTarget}. Implementations are thread-safe; the reconciler serialises writers.
 */
interface StatelessRuleGroup {

  /** The rule group as it is now, with the token a write must present. */
  RuleGroupRead describe();

  /**
   * Replaces the rule group with {@code ruleGroup} (as {@code UpdateRuleGroup} takes it) if it is
   * still as {@code base} was read.
   *
   * @throws FirewallConflictException when someone else wrote in between (stale token)
   * @throws FirewallRetryableException when throttled or the service failed transiently
   */
  void update(RuleGroupRead base, RuleGroup ruleGroup);
}
