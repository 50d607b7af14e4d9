package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The member-account stack: the stateful rule group over the shared prefix lists. */
@Needs(ExternalTool.NODE)
class GuardwallMemberStackTest {

  static final String V4 = "arn:aws:ec2:eu-west-1:111122223333:prefix-list/pl-0123456789abcdef0";
  static final String V6 = "arn:aws:ec2:eu-west-1:111122223333:prefix-list/pl-0fedcba9876543210";

  /** With cdk.json's {@code stackName}, which names guardwall's stack, not this one. */
  static final Map<String, Object> CONTEXT =
      Map.of(
          MemberSettings.SELECT,
          "true",
          "sharedPrefixListArns",
          V4 + "," + V6,
          GuardwallApp.STACK_NAME,
          "Guardwall");

  private static Stack stack;
  private static Template template;

  @BeforeAll
  static void synth() {
    stack = GuardwallApp.buildSelected(app(CONTEXT));
    template = Template.fromStack(stack);
  }

  static App app(Map<String, Object> context) {
    return App.Builder.create().context(Synthesized.context(context)).build();
  }

  @Test
  void buildSelected_shouldBuildTheMemberStack_whenMemberStackIsTrue() {
    assertThat(stack).isInstanceOf(GuardwallMemberStack.class);
    assertThat(stack.getStackName()).isEqualTo("GuardwallMember");
    template.resourceCountIs("AWS::Lambda::Function", 0);
    template.resourceCountIs("AWS::NetworkFirewall::RuleGroup", 1);
  }

  @Test
  void ruleGroup_shouldReferenceTheSharedLists_andDropBothWays() {
    template.hasResourceProperties(
        "AWS::NetworkFirewall::RuleGroup",
        Map.of(
            "Type",
            "STATEFUL",
            "RuleGroupName",
            MemberSettings.DEFAULT_RULE_GROUP_NAME,
            "Capacity",
            4,
            "RuleGroup",
            Map.of(
                "ReferenceSets",
                Map.of(
                    "IPSetReferences",
                    Map.of(
                        "GUARDWALL_BLOCKLIST_1", Map.of("ReferenceArn", V4),
                        "GUARDWALL_BLOCKLIST_2", Map.of("ReferenceArn", V6))),
                "RulesSource",
                Map.of("RulesString", StatefulRuleGroups.rules(2)),
                "StatefulRuleOptions",
                Map.of("RuleOrder", "DEFAULT_ACTION_ORDER"))));
    assertThat(StatefulRuleGroups.rules(2)).contains("-> @GUARDWALL_BLOCKLIST_2 any");
  }

  @Test
  void awsSolutions_shouldReportNothing() {
    Annotations annotations = Annotations.fromStack(stack);
    assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
    assertThat(annotations.findWarning("*", Match.anyValue())).isEmpty();
  }

  @Test
  void buildSelected_shouldFailNamingTheKey_whenNoListIsGiven() {
    assertThatThrownBy(() -> GuardwallApp.buildSelected(app(Map.of(MemberSettings.SELECT, true))))
        .hasMessageContaining("sharedPrefixListArns must name 1-5 lists: 0");
  }

  @Test
  void buildSelected_shouldFailNamingTheKey_whenAnArnIsNotAPrefixList() {
    Map<String, Object> context =
        Map.of(
            MemberSettings.SELECT,
            true,
            "sharedPrefixListArns",
            List.of(V4, "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0123456789abcdef0"));
    assertThatThrownBy(() -> GuardwallApp.buildSelected(app(context)))
        .hasMessageContaining("sharedPrefixListArns: not a prefix list ARN")
        .hasMessageContaining("vpc/vpc-");
  }

  @Test
  void buildSelected_shouldFail_whenMoreListsThanReferencesAreGiven() {
    List<String> six =
        List.of("0", "1", "2", "3", "4", "5").stream()
            .map(d -> V4.replace("abcdef0", "abcdef" + d))
            .toList();
    Map<String, Object> context = Map.of(MemberSettings.SELECT, true, "sharedPrefixListArns", six);
    assertThatThrownBy(() -> GuardwallApp.buildSelected(app(context)))
        .hasMessageContaining("sharedPrefixListArns must name 1-5 lists: 6");
  }

  @Test
  void buildSelected_shouldFailNamingTheKey_whenMemberStackIsNotABoolean() {
    assertThatThrownBy(() -> GuardwallApp.buildSelected(app(Map.of(MemberSettings.SELECT, "yes"))))
        .hasMessageContaining("context 'memberStack': must be true or false");
  }
}
