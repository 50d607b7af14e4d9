package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

class RuleGroupArnTest {

  @Test
  void parse_shouldTakeTheRegionFromTheArn_whenArnIsAStatelessRuleGroup() {
    RuleGroupArn arn =
        RuleGroupArn.parse(
            " arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/guardwall-1 ");

    assertThat(arn.region()).isEqualTo(Region.EU_WEST_1);
    assertThat(arn.value())
        .isEqualTo(
            "arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/guardwall-1");
  }

  @Test
  void parse_shouldAcceptOtherPartitions() {
    RuleGroupArn arn =
        RuleGroupArn.parse(
            "arn:aws-us-gov:network-firewall:us-gov-west-1:123456789012:stateless-rulegroup/g");

    assertThat(arn.region()).isEqualTo(Region.US_GOV_WEST_1);
  }

  @Test
  void parse_shouldSayStatelessIsNeeded_whenArnIsAStatefulRuleGroup() {
    assertThatThrownBy(
            () ->
                RuleGroupArn.parse(
                    "arn:aws:network-firewall:eu-west-1:123456789012:stateful-rulegroup/g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is stateful; guardwall needs a STATELESS rule group");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "guardwall",
        "arn:aws:network-firewall:eu-west-1:123456789012:firewall/main",
        "arn:aws:wafv2:eu-west-1:123456789012:stateless-rulegroup/g",
        "arn:aws:network-firewall::123456789012:stateless-rulegroup/g",
        "arn:aws:network-firewall:eu-west-1:1234:stateless-rulegroup/g",
        "arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/",
        "arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/bad_name",
        "arn:azure:network-firewall:eu-west-1:123456789012:stateless-rulegroup/g",
      })
  void parse_shouldExplainTheForm_whenTextIsNotARuleGroupArn(String text) {
    assertThatThrownBy(() -> RuleGroupArn.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a Network Firewall rule group ARN")
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void parse_shouldAbbreviate_whenTextIsHuge() {
    assertThatThrownBy(() -> RuleGroupArn.parse("arn:" + "x".repeat(100_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .hasSizeLessThan(250);
  }

  @Test
  void constructor_shouldRefuseARegionTheArnIsNotIn() {
    assertThatThrownBy(
            () ->
                new RuleGroupArn(
                    "arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/g",
                    Region.US_EAST_1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is in region eu-west-1, not us-east-1");
  }

  @Test
  void constructor_shouldRefuseAStatefulRuleGroup() {
    assertThatThrownBy(
            () ->
                new RuleGroupArn(
                    "arn:aws:network-firewall:eu-west-1:123456789012:stateful-rulegroup/g",
                    Region.EU_WEST_1))
        .hasMessageContaining("guardwall needs a STATELESS rule group");
  }

  @Test
  void parse_shouldSayItIsMissing_whenNull() {
    assertThatThrownBy(() -> RuleGroupArn.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule group ARN is missing");
  }
}
