package io.guardwall.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.networkfirewall.CfnRuleGroup;
import software.constructs.Construct;

/**
 * The stack for a member account: the stateful rule group that drops traffic to and from the prefix
 * lists guardwall's stack shares with the account through RAM, for the member's firewall policies;
 * not thread-safe.
 */
public class GuardwallMemberStack extends Stack {

  private final CfnRuleGroup ruleGroup;

  public GuardwallMemberStack(
      Construct scope, String id, StackProps stackProps, MemberSettings settings) {
    super(scope, id, stackProps);
    this.ruleGroup =
        StatefulRuleGroups.create(
            this,
            "StatefulRuleGroup",
            settings.ruleGroupName(),
            settings.sharedPrefixListArns(),
            settings.statefulRuleOrder());
    CfnOutput.Builder.create(this, "StatefulRuleGroupArn")
        .value(ruleGroup.getAttrRuleGroupArn())
        .description("guardwall: add to your firewall policy's stateful rule groups")
        .build();
  }

  public CfnRuleGroup getRuleGroup() {
    return ruleGroup;
  }
}
