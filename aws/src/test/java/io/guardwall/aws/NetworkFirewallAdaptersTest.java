package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkFirewallAdaptersTest {

  @Test
  void ruleGroup_shouldRejectTheArn_whenItIsNotAStatelessRuleGroup() {
    assertThatThrownBy(
            () ->
                NetworkFirewallAdapters.ruleGroup(
                    "arn:aws:network-firewall:eu-west-1:123456789012:stateful-rulegroup/g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STATELESS");
    assertThatThrownBy(() -> NetworkFirewallAdapters.ruleGroup("blocklist"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'blocklist'");
  }

  @Test
  void ruleGroup_shouldRequireAClient() {
    assertThatThrownBy(
            () ->
                NetworkFirewallAdapters.ruleGroup(
                    null, "arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/g"))
        .isInstanceOf(NullPointerException.class);
  }
}
