package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleGroupLayoutTest {

  @Test
  void defaults_shouldBeTheDocumentedValues() {
    assertThat(RuleGroupLayout.defaults())
        .isEqualTo(new RuleGroupLayout(30000, 30100, "GuardwallBlocked", "guardwall"));
  }

  @Test
  void constructor_shouldAcceptTheExtremes_whenWithinNetworkFirewallLimits() {
    RuleGroupLayout layout = new RuleGroupLayout(1, 65535, "A".repeat(128), "a-b_c d");

    assertThat(layout.owns(1)).isTrue();
    assertThat(layout.owns(65535)).isTrue();
    assertThat(layout.owns(2)).isFalse();
  }

  @ParameterizedTest(name = "{0}/{1}/{2}/{3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 30100 | GuardwallBlocked | guardwall | sourcePriority must be in 1..65535: 0",
        "30000 | 65536 | GuardwallBlocked | guardwall | destinationPriority must be in 1..65535: 65536",
        "-5 | 30100 | GuardwallBlocked | guardwall | sourcePriority must be in 1..65535: -5",
        "30000 | 30000 | GuardwallBlocked | guardwall | must differ, both are 30000",
        "30000 | 30100 | Guardwall-Blocked | guardwall | customActionName must be 1-128 letters or digits",
        "30000 | 30100 | '' | guardwall | customActionName must be 1-128 letters or digits",
        "30000 | 30100 | GuardwallBlocked | guard/wall | metricDimensionValue must be",
        "30000 | 30100 | GuardwallBlocked | '' | metricDimensionValue must be",
      })
  void constructor_shouldReject_whenAValueIsOutOfRange(
      int source, int destination, String action, String dimension, String message) {
    assertThatThrownBy(() -> new RuleGroupLayout(source, destination, action, dimension))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void constructor_shouldRejectHugeAndNullNames_withAnAbbreviatedMessage() {
    assertThatThrownBy(() -> new RuleGroupLayout(1, 2, "A".repeat(100_000), "guardwall"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customActionName")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    assertThatThrownBy(() -> new RuleGroupLayout(1, 2, null, "guardwall"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RuleGroupLayout(1, 2, "A", null))
        .isInstanceOf(NullPointerException.class);
  }
}
