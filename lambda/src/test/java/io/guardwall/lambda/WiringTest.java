package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.TargetKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringTest {

  private static final String RULE_GROUP =
      "arn:aws:network-firewall:us-east-1:111122223333:stateless-rulegroup/guardwall";
  private static final String PREFIX_LISTS = "pl-0123456789abcdef0,pl-0123456789abcdef1";
  private static final String WAF =
      "arn:aws:wafv2:us-east-1:111122223333:regional/ipset/guardwall-v4/"
          + "00000000-0000-0000-0000-000000000001";

  private static Wiring wiring(String... nameValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      env.put(nameValues[i], nameValues[i + 1]);
    }
    return new Wiring(env::get, "ReconcileHandler");
  }

  @Test
  void specs_shouldBeTheTargetsInOrder_whenGuardwallTargetsIsSet() {
    Wiring w =
        wiring(
            Env.TARGETS,
            "  " + RULE_GROUP + "  " + PREFIX_LISTS + "\n" + WAF + " ",
            Env.RULE_GROUP_ARN,
            RULE_GROUP);

    assertThat(w.specs()).containsExactly(RULE_GROUP, PREFIX_LISTS, WAF);
  }

  @Test
  void specs_shouldFallBackToTheRuleGroup_whenGuardwallTargetsIsUnsetOrBlank() {
    assertThat(wiring(Env.RULE_GROUP_ARN, RULE_GROUP).specs()).containsExactly(RULE_GROUP);
    assertThat(wiring(Env.TARGETS, " ", Env.RULE_GROUP_ARN, RULE_GROUP).specs())
        .containsExactly(RULE_GROUP);
  }

  @Test
  void specs_shouldNameBothVariables_whenNeitherIsSet() {
    assertThatThrownBy(() -> wiring().specs())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Env.RULE_GROUP_ARN);
  }

  @Test
  void specs_shouldRefuseNamingIt_whenATargetIsGivenTwice() {
    assertThatThrownBy(() -> wiring(Env.TARGETS, WAF + " " + RULE_GROUP + " " + WAF).specs())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Env.TARGETS)
        .hasMessageContaining(WAF + " twice");
  }

  @Test
  void targets_shouldRefuseNamingTheVariableAndTheSpec_whenASpecNamesNoTarget() {
    assertThatThrownBy(() -> wiring(Env.TARGETS, RULE_GROUP + " sg-0123").targets())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Env.TARGETS)
        .hasMessageContaining("unknown target 'sg-0123'");
  }

  @Test
  void targets_shouldRefuse_whenARuleGroupArnIsMalformed() {
    assertThatThrownBy(
            () ->
                wiring(Env.RULE_GROUP_ARN, "arn:aws:network-firewall:us-east-1:1:firewall/x")
                    .targets())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void targets_shouldOpenEachTarget_inTheOrderGiven() {
    // Prefix lists take the function's region, which a unit test has none of.
    List<EnforcementPoint> targets = wiring(Env.TARGETS, WAF + " " + RULE_GROUP).targets();

    assertThat(targets)
        .extracting(EnforcementPoint::kind)
        .containsExactly(TargetKind.WAF_IP_SET, TargetKind.NETWORK_FIREWALL);
    assertThat(targets.get(1).name()).isEqualTo(RULE_GROUP);
  }
}
