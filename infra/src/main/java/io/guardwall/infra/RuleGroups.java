package io.guardwall.infra;

import java.util.List;
import software.amazon.awscdk.services.networkfirewall.CfnRuleGroup;
import software.constructs.Construct;

/**
 * Creates the stateless rule group guardwall writes to; stateless.
 *
 * <p>CloudFormation requires a stateless group to hold at least one rule, so the group starts with
 * a placeholder at guardwall's source priority that no real packet can match (source 0.0.0.0/32);
 * the first reconcile replaces it. The stack owns the group, guardwall owns its rules.
 */
final class RuleGroups {

  static final String PLACEHOLDER_SOURCE = "0.0.0.0/32";

  private RuleGroups() {}

  static CfnRuleGroup create(Construct scope, GuardwallProps props) {
    return CfnRuleGroup.Builder.create(scope, "RuleGroup")
        .type("STATELESS")
        .ruleGroupName(props.ruleGroupName())
        .capacity(props.ruleGroupCapacity())
        .description("guardwall blocklist: rules rendered by guardwall's reconciler")
        .ruleGroup(
            CfnRuleGroup.RuleGroupProperty.builder()
                .rulesSource(
                    CfnRuleGroup.RulesSourceProperty.builder()
                        .statelessRulesAndCustomActions(
                            CfnRuleGroup.StatelessRulesAndCustomActionsProperty.builder()
                                .statelessRules(List.of(placeholder(props)))
                                .build())
                        .build())
                .build())
        .build();
  }

  private static CfnRuleGroup.StatelessRuleProperty placeholder(GuardwallProps props) {
    return CfnRuleGroup.StatelessRuleProperty.builder()
        .priority(props.config().firewall().sourcePriority())
        .ruleDefinition(
            CfnRuleGroup.RuleDefinitionProperty.builder()
                .actions(List.of("aws:drop"))
                .matchAttributes(
                    CfnRuleGroup.MatchAttributesProperty.builder()
                        .sources(
                            List.of(
                                CfnRuleGroup.AddressProperty.builder()
                                    .addressDefinition(PLACEHOLDER_SOURCE)
                                    .build()))
                        .build())
                .build())
        .build();
  }
}
