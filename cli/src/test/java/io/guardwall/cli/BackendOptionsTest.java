package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackendOptionsTest {

  private static final String RULE_GROUP =
      "arn:aws:network-firewall:us-east-1:111122223333:stateless-rulegroup/guardwall";

  private static BackendOptions firewalls(String... specs) {
    BackendOptions o = new BackendOptions();
    o.firewalls = specs.length == 0 ? null : List.of(specs);
    return o;
  }

  @Test
  void firewall_shouldBeDryRun_whenNoneGiven() {
    assertThat(firewalls().firewalls()).containsExactly("dry-run");
    assertThat(firewalls().severalTargets()).isFalse();
  }

  @Test
  void severalTargets_shouldBeFalse_whenOneRuleGroupOrAnUnknownSpec() {
    assertThat(firewalls(RULE_GROUP).severalTargets()).isFalse();
    assertThat(firewalls("sg-123").severalTargets()).isFalse();
  }

  @Test
  void severalTargets_shouldBeTrue_whenGivenTwiceOrAPrefixListOrAWafSet() {
    assertThat(firewalls(RULE_GROUP, "dry-run").severalTargets()).isTrue();
    assertThat(firewalls("pl-0123456789abcdef0").severalTargets()).isTrue();
    assertThat(
            firewalls("arn:aws:wafv2:us-east-1:111122223333:regional/ipset/a/1").severalTargets())
        .isTrue();
  }
}
