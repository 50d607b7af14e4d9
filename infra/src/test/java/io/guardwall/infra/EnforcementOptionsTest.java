package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** The stack with every enforcement point on: stateless group, prefix lists shared by RAM, WAF. */
@Needs(ExternalTool.NODE)
class EnforcementOptionsTest {

  static final String ORGANIZATION =
      "arn:aws:organizations::111122223333:organization/o-abcdef1234";

  static final Map<String, Object> CONTEXT =
      Map.of(
          "prefixLists", "true",
          "prefixListMaxEntries", "2500",
          "ramPrincipals", "444455556666," + ORGANIZATION,
          "statefulRuleOrder", "STRICT_ORDER",
          "wafScope", "REGIONAL");

  private static Synthesized app;

  @BeforeAll
  static void synth() {
    app = Synthesized.app(CONTEXT);
  }

  @Test
  void prefixLists_shouldBeOnePerFamily_withTheConfiguredMaxEntries() {
    app.template().resourceCountIs("AWS::EC2::PrefixList", 2);
    for (String family : List.of("IPv4", "IPv6")) {
      app.template()
          .hasResourceProperties(
              "AWS::EC2::PrefixList", Map.of("AddressFamily", family, "MaxEntries", 2500));
    }
  }

  @Test
  void statefulRuleGroup_shouldReferenceBothLists_andDropBothWays() {
    JsonNode group = statefulGroup();
    JsonNode refs = group.at("/Properties/RuleGroup/ReferenceSets/IPSetReferences");
    assertThat(refs.at("/GUARDWALL_BLOCKLIST_1/ReferenceArn/Fn::GetAtt/0").asText())
        .startsWith("GuardwallPrefixListIpv4");
    assertThat(refs.at("/GUARDWALL_BLOCKLIST_2/ReferenceArn/Fn::GetAtt/0").asText())
        .startsWith("GuardwallPrefixListIpv6");
    String rules = group.at("/Properties/RuleGroup/RulesSource/RulesString").asText();
    assertThat(rules.lines())
        .containsExactly(
            "drop ip @GUARDWALL_BLOCKLIST_1 any -> any any (msg:\"guardwall: blocked, from prefix"
                + " list 1\"; sid:1; rev:1;)",
            "drop ip any any -> @GUARDWALL_BLOCKLIST_1 any (msg:\"guardwall: blocked, to prefix"
                + " list 1\"; sid:2; rev:1;)",
            "drop ip @GUARDWALL_BLOCKLIST_2 any -> any any (msg:\"guardwall: blocked, from prefix"
                + " list 2\"; sid:3; rev:1;)",
            "drop ip any any -> @GUARDWALL_BLOCKLIST_2 any (msg:\"guardwall: blocked, to prefix"
                + " list 2\"; sid:4; rev:1;)");
    assertThat(group.at("/Properties/Capacity").asInt()).isEqualTo(4);
    assertThat(group.at("/Properties/RuleGroup/StatefulRuleOptions/RuleOrder").asText())
        .isEqualTo("STRICT_ORDER");
  }

  @Test
  void statelessRuleGroup_shouldStay_whenOtherTargetsAreAdded() {
    app.template()
        .hasResourceProperties("AWS::NetworkFirewall::RuleGroup", Map.of("Type", "STATELESS"));
    assertThat(app.json().at("/Outputs/RuleGroupArn").isMissingNode()).isFalse();
  }

  @Test
  void resourceShare_shouldShareBothLists_withTheGivenPrincipalsOnly() {
    app.template()
        .hasResourceProperties(
            "AWS::RAM::ResourceShare",
            Map.of(
                "AllowExternalPrincipals", false,
                "Principals", List.of("444455556666", ORGANIZATION),
                "ResourceArns",
                    List.of(getAtt("GuardwallPrefixListIpv4"), getAtt("GuardwallPrefixListIpv6"))));
  }

  @Test
  void wafRuleGroup_shouldBlockEitherSet_withTheCapacityOfTwoReferences() {
    app.template().resourceCountIs("AWS::WAFv2::IPSet", 2);
    for (String version : List.of("IPV4", "IPV6")) {
      app.template()
          .hasResourceProperties(
              "AWS::WAFv2::IPSet",
              Map.of("IPAddressVersion", version, "Scope", "REGIONAL", "Addresses", List.of()));
    }
    app.template()
        .hasResourceProperties(
            "AWS::WAFv2::RuleGroup",
            Map.of(
                "Capacity",
                2,
                "Scope",
                "REGIONAL",
                "VisibilityConfig",
                Match.objectLike(Map.of("CloudWatchMetricsEnabled", true)),
                "Rules",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "Action", Map.of("Block", Map.of()),
                            "Statement",
                                Map.of(
                                    "OrStatement",
                                    Map.of(
                                        "Statements",
                                        List.of(
                                            ipSetReference("GuardwallWafIpSetIpv4"),
                                            ipSetReference("GuardwallWafIpSetIpv6")))))))));
    assertThat(app.json().at("/Outputs/WafRuleGroupArn/Value/Fn::GetAtt/0").asText())
        .startsWith("GuardwallWafRuleGroup");
  }

  @Test
  void targetsVariable_shouldNameEveryTarget_listsAndSetsJoinedByCommas() {
    JsonNode env = queueFunction().at("/Properties/Environment/Variables");
    String targets = env.path(FunctionEnvironment.TARGETS).toString();
    assertThat(env.has("GUARDWALL_RULE_GROUP_ARN")).isTrue();
    assertThat(targets)
        .containsSubsequence(
            "GuardwallRuleGroup",
            " ",
            "GuardwallPrefixListIpv4",
            "PrefixListId",
            ",",
            "GuardwallPrefixListIpv6",
            "PrefixListId",
            " ",
            "GuardwallWafIpSetIpv4",
            "Arn",
            ",",
            "GuardwallWafIpSetIpv6",
            "Arn");
  }

  @Test
  void prefixListStatements_shouldBeScopedToTheLists_exceptTheDescribeCall() {
    IamStatements iam = IamStatements.of(app);
    List<JsonNode> modify = iam.withAction("ec2:ModifyManagedPrefixList");
    assertThat(modify).as("the queue function and the maintenance reconcile").hasSize(2);
    assertThat(modify)
        .allSatisfy(
            s -> {
              assertThat(IamStatements.strings(s.path("Action")))
                  .containsExactly(
                      "ec2:GetManagedPrefixListEntries", "ec2:ModifyManagedPrefixList");
              assertThat(s.path("Resource").toString())
                  .contains("GuardwallPrefixListIpv4")
                  .contains("GuardwallPrefixListIpv6")
                  .doesNotContain("\"*\"");
            });
    assertThat(iam.withAction("ec2:DescribeManagedPrefixLists"))
        .hasSize(2)
        .allSatisfy(
            s -> {
              assertThat(s.path("Action").asText()).isEqualTo("ec2:DescribeManagedPrefixLists");
              assertThat(s.path("Resource").asText()).isEqualTo("*");
            });
  }

  @Test
  void wafStatements_shouldBeScopedToTheSets() {
    List<JsonNode> update = IamStatements.of(app).withAction("wafv2:UpdateIPSet");
    assertThat(update).hasSize(2);
    assertThat(update)
        .allSatisfy(
            s -> {
              assertThat(IamStatements.strings(s.path("Action")))
                  .containsExactly("wafv2:GetIPSet", "wafv2:UpdateIPSet");
              assertThat(s.path("Resource").toString())
                  .contains("GuardwallWafIpSetIpv4")
                  .contains("GuardwallWafIpSetIpv6");
            });
  }

  @Test
  void otherFunctions_shouldNotTouchTheTargets() {
    IamStatements iam = IamStatements.of(app);
    for (String prefix : List.of("GuardwallMaintainRole", "GuardwallAlertFailureRole")) {
      assertThat(iam.ofPolicyPrefix(prefix))
          .flatExtracting(IamStatements.Statement::actions)
          .noneMatch(a -> a.startsWith("ec2:") || a.startsWith("wafv2:"));
    }
  }

  @Test
  void awsSolutions_shouldReportNothingUnsuppressed_withEveryOptionOn() {
    Annotations annotations = Annotations.fromStack(app.stack());
    assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
    assertThat(annotations.findWarning("*", Match.anyValue())).isEmpty();
  }

  static JsonNode statefulGroup() {
    return app.resources("AWS::NetworkFirewall::RuleGroup").values().stream()
        .filter(g -> g.at("/Properties/Type").asText().equals("STATEFUL"))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode queueFunction() {
    return app.resources("AWS::Lambda::Function").entrySet().stream()
        .filter(e -> e.getKey().startsWith("GuardwallQueueFunction"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> getAtt(String logicalIdPrefix) {
    return Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(logicalIdPrefix + ".*"), "Arn"));
  }

  private static Map<String, Object> ipSetReference(String logicalIdPrefix) {
    return Map.of("IPSetReferenceStatement", Map.of("Arn", getAtt(logicalIdPrefix)));
  }
}
