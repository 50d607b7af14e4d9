package io.guardwall.infra;

import io.guardwall.infra.EnforcementSettings.WafScope;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnRule;
import software.amazon.awscdk.CfnRuleAssertion;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.wafv2.CfnIPSet;
import software.amazon.awscdk.services.wafv2.CfnRuleGroup;
import software.constructs.Construct;

/**
 * The WAF enforcement point: one IP set per address family and a rule group whose one rule blocks
 * requests from either, for the user's web ACL; immutable once created.
 *
 * @param sets the IPv4 set, then the IPv6 set
 * @param ruleGroup the rule group to add to a web ACL
 */
record WafRules(List<CfnIPSet> sets, CfnRuleGroup ruleGroup) {

  /** IAM actions of the WAF adapter, on the sets' ARNs. */
  static final List<String> ACTIONS = List.of("wafv2:GetIPSet", "wafv2:UpdateIPSet");

  /** CloudFront's WAF resources can only be created in this region. */
  static final String CLOUDFRONT_REGION = "us-east-1";

  /**
   * One IPSetReferenceStatement costs 1 WCU (without a forwarded-IP configuration); an OrStatement
   * costs what its statements cost.
   */
  static final int CAPACITY = 2;

  WafRules {
    sets = List.copyOf(sets);
  }

  /**
   * @throws IllegalArgumentException when CLOUDFRONT is asked for in a known region other than
   *     us-east-1; in an environment-agnostic stack a template rule checks it at deploy time
   */
  static WafRules create(Construct scope, WafScope wafScope) {
    requireRegion(scope, wafScope);
    String prefix = Stack.of(scope).getStackName() + "-blocklist";
    List<CfnIPSet> sets =
        List.of(
            set(scope, "WafIpSetIpv4", prefix + "-ipv4", "IPV4", wafScope),
            set(scope, "WafIpSetIpv6", prefix + "-ipv6", "IPV6", wafScope));
    return new WafRules(sets, ruleGroup(scope, prefix, sets, wafScope));
  }

  /** The target SPEC: the sets' ARNs joined by commas, one target. */
  String spec() {
    return String.join(",", arns());
  }

  List<String> arns() {
    return sets.stream().map(CfnIPSet::getAttrArn).toList();
  }

  private static void requireRegion(Construct scope, WafScope wafScope) {
    if (wafScope != WafScope.CLOUDFRONT) {
      return;
    }
    String region = Stack.of(scope).getRegion();
    if (Token.isUnresolved(region)) {
      CfnRule.Builder.create(scope, "CloudFrontRegion")
          .assertions(
              List.of(
                  CfnRuleAssertion.builder()
                      .assertValue(Fn.conditionEquals(Aws.REGION, CLOUDFRONT_REGION))
                      .assertDescription(
                          "guardwall: wafScope=CLOUDFRONT deploys only in " + CLOUDFRONT_REGION)
                      .build()))
          .build();
    } else if (!CLOUDFRONT_REGION.equals(region)) {
      throw new IllegalArgumentException(
          "wafScope=CLOUDFRONT must be deployed in "
              + CLOUDFRONT_REGION
              + " (CloudFront's WAF resources live there), not "
              + region);
    }
  }

  private static CfnIPSet set(
      Construct scope, String id, String name, String version, WafScope wafScope) {
    // Created empty: guardwall's reconcile fills it, and owns every address.
    return CfnIPSet.Builder.create(scope, id)
        .name(name)
        .description("guardwall blocklist, " + version + " addresses, written by guardwall")
        .scope(wafScope.name())
        .ipAddressVersion(version)
        .addresses(List.of())
        .build();
  }

  private static CfnRuleGroup ruleGroup(
      Construct scope, String name, List<CfnIPSet> sets, WafScope wafScope) {
    return CfnRuleGroup.Builder.create(scope, "WafRuleGroup")
        .name(name)
        .description("guardwall blocklist: blocks requests from the guardwall IP sets")
        .scope(wafScope.name())
        .capacity(CAPACITY)
        .visibilityConfig(visibility(name))
        .rules(
            List.of(
                CfnRuleGroup.RuleProperty.builder()
                    .name("guardwall-blocklist")
                    .priority(0)
                    .action(CfnRuleGroup.RuleActionProperty.builder().block(Map.of()).build())
                    .statement(
                        CfnRuleGroup.StatementProperty.builder()
                            .orStatement(
                                CfnRuleGroup.OrStatementProperty.builder()
                                    .statements(sets.stream().map(WafRules::matches).toList())
                                    .build())
                            .build())
                    .visibilityConfig(visibility(name + "-rule"))
                    .build()))
        .build();
  }

  private static CfnRuleGroup.StatementProperty matches(CfnIPSet set) {
    return CfnRuleGroup.StatementProperty.builder()
        .ipSetReferenceStatement(
            CfnRuleGroup.IPSetReferenceStatementProperty.builder().arn(set.getAttrArn()).build())
        .build();
  }

  private static CfnRuleGroup.VisibilityConfigProperty visibility(String metric) {
    return CfnRuleGroup.VisibilityConfigProperty.builder()
        .cloudWatchMetricsEnabled(true)
        .metricName(metric)
        .sampledRequestsEnabled(true)
        .build();
  }
}
