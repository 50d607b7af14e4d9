package io.guardwall.core.port;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Network Firewall stateless rule group that guardwall writes its blocks into. Implementations
 * are thread-safe; the reconciler serialises writers.
 */
public interface Firewall {

  /** The rule group as it is now, with the token a write must present. */
  FirewallSnapshot describe();

  /**
   * Replaces the rule group with {@code ruleGroup} (the {@code RuleGroup} object as {@code
   * UpdateRuleGroup} takes it) if it is still as {@code base} was read.
   *
   * @throws FirewallConflictException when someone else wrote in between (stale token)
   * @throws FirewallRetryableException when throttled or the service failed transiently
   */
  void update(FirewallSnapshot base, ObjectNode ruleGroup);
}
