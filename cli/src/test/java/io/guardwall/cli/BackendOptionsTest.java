package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void firewalls_shouldBeDryRun_whenNoneGiven() {
    assertThat(firewalls().firewalls()).containsExactly("dry-run");
  }

  @Test
  void firewalls_shouldKeepTheOrderGiven_whenSeveralTargets() {
    assertThat(firewalls(RULE_GROUP, "dry-run", "pl-0123456789abcdef0").firewalls())
        .containsExactly(RULE_GROUP, "dry-run", "pl-0123456789abcdef0");
  }

  @Test
  void firewalls_shouldBeAUsageErrorNamingIt_whenASpecIsGivenTwice() {
    assertThatThrownBy(() -> firewalls(RULE_GROUP, "dry-run", RULE_GROUP + " ").firewalls())
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(RULE_GROUP)
        .hasMessageContaining("given twice");
  }
}
