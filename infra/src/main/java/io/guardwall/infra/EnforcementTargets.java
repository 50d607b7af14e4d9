package io.guardwall.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/**
 * The enforcement points the functions write, as the SPECs of {@code GUARDWALL_TARGETS} and the IAM
 * statements that let a function read and write them; immutable.
 *
 * @param ruleGroupArn the stateless rule group, if any (also {@code GUARDWALL_RULE_GROUP_ARN})
 * @param prefixLists the prefix-list target, if any
 * @param waf the WAF target, if any
 */
record EnforcementTargets(
    @Nullable String ruleGroupArn, @Nullable PrefixLists prefixLists, @Nullable WafRules waf) {

  static final List<String> FIREWALL_ACTIONS =
      List.of("network-firewall:DescribeRuleGroup", "network-firewall:UpdateRuleGroup");

  EnforcementTargets {
    if (ruleGroupArn == null && prefixLists == null && waf == null) {
      throw new IllegalArgumentException("at least one enforcement point");
    }
  }

  /** The targets separated by spaces, as {@code GUARDWALL_TARGETS} takes them. */
  String spec() {
    List<String> specs = new ArrayList<>();
    Optional.ofNullable(ruleGroupArn).ifPresent(specs::add);
    Optional.ofNullable(prefixLists).map(PrefixLists::spec).ifPresent(specs::add);
    Optional.ofNullable(waf).map(WafRules::spec).ifPresent(specs::add);
    return String.join(" ", specs);
  }

  /** Lets {@code role} read and write every target, each statement scoped to its resources. */
  void grantTo(Role role) {
    if (ruleGroupArn != null) {
      allow(role, FIREWALL_ACTIONS, List.of(ruleGroupArn));
    }
    if (prefixLists != null) {
      allow(role, PrefixLists.LIST_ACTIONS, prefixLists.arns());
      allow(role, PrefixLists.DESCRIBE_ACTIONS, List.of("*"));
      NagFindings.describePrefixListsNeedsWildcard(role);
    }
    if (waf != null) {
      allow(role, WafRules.ACTIONS, waf.arns());
    }
  }

  private static void allow(Role role, List<String> actions, List<String> resources) {
    role.addToPolicy(
        PolicyStatement.Builder.create().actions(actions).resources(resources).build());
  }
}
