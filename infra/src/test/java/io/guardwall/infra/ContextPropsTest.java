package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.services.lambda.Architecture;

@Needs(ExternalTool.NODE)
class ContextPropsTest {

  @Test
  void read_shouldKeepDefaults_whenContextIsEmpty() {
    GuardwallProps props = ContextProps.read(key -> null);
    assertThat(props.config()).isEqualTo(GuardwallProps.builder().build().config());
  }

  @Test
  void read_shouldTakeTypedValues_asCdkJsonHoldsThem() {
    GuardwallProps props =
        ContextProps.read(
            Map.<String, Object>of(
                    "ruleGroupCapacity",
                    2000,
                    "blockSamples",
                    false,
                    "blockVictims",
                    true,
                    "accounts",
                    List.of("111122223333", "444455556666"),
                    "notificationMemory",
                    "P1D",
                    "architecture",
                    "x86_64",
                    "destinationPriority",
                    31000.0)
                ::get);
    assertThat(props.ruleGroupCapacity()).isEqualTo(2000);
    assertThat(props.config().blockSamples()).isFalse();
    assertThat(props.config().blockVictims()).isTrue();
    assertThat(props.config().accounts()).containsExactlyInAnyOrder("111122223333", "444455556666");
    assertThat(props.config().notificationMemory()).isEqualTo(Duration.ofDays(1));
    assertThat(props.config().firewall().destinationPriority()).isEqualTo(31000);
    assertThat(props.architecture()).isEqualTo(Architecture.X86_64);
  }

  @Test
  void read_shouldTakeStrings_asCdkDashCPassesThem() {
    GuardwallProps props =
        ContextProps.read(
            Map.<String, Object>of(
                    "ruleGroupCapacity", "500",
                    "blockSamples", "FALSE",
                    "blockVictims", "true",
                    "accounts", "111122223333 , 444455556666,",
                    "notifyThreshold", "critical",
                    "blockDuration", "PT1H")
                ::get);
    assertThat(props.ruleGroupCapacity()).isEqualTo(500);
    assertThat(props.config().blockSamples()).isFalse();
    assertThat(props.config().blockVictims()).isTrue();
    assertThat(props.config().accounts()).containsExactlyInAnyOrder("111122223333", "444455556666");
    assertThat(props.config().notifyThreshold()).isEqualTo(SeverityLevel.CRITICAL);
    assertThat(props.config().blockDuration()).isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ruleGroupCapacity|lots|must be an integer",
        "ruleGroupCapacity|1.5|must be an integer",
        "blockSamples|yes|must be true or false",
        "blockVictims|1|must be true or false",
        "blockDuration|12h|ISO-8601",
        "notifyThreshold|SEVERE|unknown severity",
        "architecture|sparc|arm64 or x86_64",
        "ruleGroupCapacity|0|ruleGroupCapacity must be 1-30000",
        "allowList|10.0.0.0/99|allowList"
      })
  void read_shouldNameTheKey_whenAValueIsBad(String key, String value, String message) {
    assertThatThrownBy(() -> ContextProps.read(Map.<String, Object>of(key, value)::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(message);
  }

  @Test
  void read_shouldRejectNonStrings_whereAStringIsExpected() {
    assertThatThrownBy(() -> ContextProps.read(Map.<String, Object>of("slackSecretName", 42)::get))
        .hasMessageContaining("'slackSecretName': must be a string");
    assertThatThrownBy(
            () -> ContextProps.read(Map.<String, Object>of("accounts", List.of(1, 2))::get))
        .hasMessageContaining("'accounts'");
  }

  @Test
  void keys_shouldListEveryKeyRead() {
    java.util.Set<String> asked = new java.util.HashSet<>();
    ContextProps.read(
        key -> {
          asked.add(key);
          return null;
        });
    assertThat(asked).containsExactlyInAnyOrderElementsOf(ContextProps.KEYS);
  }
}
