package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dry run's display of the rule group, written from the rendering the real target writes. */
class NetworkFirewallRenderingTest {

  @Test
  void ruleGroupJson_shouldWriteTheDocumentedGroupInApiFieldOrder_whenOneCidrIsBlocked() {
    NetworkFirewallRendering rendering =
        NetworkFirewallRendering.ofEmptyGroup(
            RuleGroupLayout.defaults(), List.of(Cidr.parse("198.51.100.7/32")));

    assertThat(rendering.ruleGroupJson().toString())
        .isEqualTo(
            "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":[{\"Priority\":30000,"
                + "\"RuleDefinition\":{\"MatchAttributes\":{\"Sources\":[{\"AddressDefinition\":\"198.51.100.7/32\"}]},"
                + "\"Actions\":[\"aws:drop\",\"GuardwallBlocked\"]}},{\"Priority\":30100,\"RuleDefinition\":"
                + "{\"MatchAttributes\":{\"Destinations\":[{\"AddressDefinition\":\"198.51.100.7/32\"}]},"
                + "\"Actions\":[\"aws:drop\",\"GuardwallBlocked\"]}}],\"CustomActions\":[{\"ActionName\":"
                + "\"GuardwallBlocked\",\"ActionDefinition\":{\"PublishMetricAction\":{\"Dimensions\":"
                + "[{\"Value\":\"guardwall\"}]}}}]}}}");
    assertThat(rendering.capacityUsed()).isEqualTo(2);
  }

  @Test
  void ruleGroupJson_shouldWriteThePlaceholderOnly_whenNothingIsBlocked() {
    NetworkFirewallRendering rendering =
        NetworkFirewallRendering.ofEmptyGroup(RuleGroupLayout.defaults(), List.of());

    assertThat(rendering.ruleGroupJson().toString())
        .isEqualTo(
            "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":[{\"Priority\":30000,"
                + "\"RuleDefinition\":{\"MatchAttributes\":{\"Sources\":[{\"AddressDefinition\":\"0.0.0.0/32\"}]},"
                + "\"Actions\":[\"aws:drop\"]}}]}}}");
    assertThat(rendering.capacityUsed()).isEqualTo(1);
  }

  @Test
  void ruleGroupJson_shouldUseTheLayoutAndAFreshCopy_whenCalledTwice() {
    NetworkFirewallRendering rendering =
        NetworkFirewallRendering.ofEmptyGroup(
            new RuleGroupLayout(200, 100, "Blk", "gw-1"),
            List.of(Cidr.parse("198.51.100.6/31"), Cidr.parse("2001:db8::/127")));

    var json = rendering.ruleGroupJson();
    json.removeAll();

    var fresh = rendering.ruleGroupJson();
    var lists = fresh.at("/RulesSource/StatelessRulesAndCustomActions");
    assertThat(lists.at("/StatelessRules/0/Priority").intValue()).isEqualTo(100);
    assertThat(
            lists
                .at("/StatelessRules/1/RuleDefinition/MatchAttributes/Sources/1/AddressDefinition")
                .textValue())
        .isEqualTo("2001:db8::/127");
    assertThat(lists.at("/CustomActions/0/ActionName").textValue()).isEqualTo("Blk");
    assertThat(
            lists
                .at("/CustomActions/0/ActionDefinition/PublishMetricAction/Dimensions/0/Value")
                .textValue())
        .isEqualTo("gw-1");
    assertThat(rendering.capacityUsed()).isEqualTo(4);
  }
}
