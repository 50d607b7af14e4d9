package io.guardwall.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ConfigReader#readSettings}: the configuration given key by key, as CDK context is. */
class ConfigSettingsTest {

  @Test
  void readSettings_shouldGiveDefaults_whenNoSettings() {
    assertThat(ConfigReader.readSettings(Map.of())).isEqualTo(GuardwallConfig.defaults());
  }

  @Test
  void readSettings_shouldTakeTypedValues_asAJsonFileHoldsThem() {
    GuardwallConfig c =
        ConfigReader.readSettings(
            Map.of(
                "blockSamples",
                false,
                "accounts",
                List.of("444455556666", "111122223333"),
                "firewall",
                Map.of("capacity", 2000),
                "firewall.destinationPriority",
                31000.0,
                "maxBlockWidth.ipv4",
                24));

    assertThat(c.blockSamples()).isFalse();
    assertThat(c.accounts()).containsExactly("111122223333", "444455556666");
    assertThat(c.firewall().capacity()).isEqualTo(2000);
    assertThat(c.firewall().destinationPriority()).isEqualTo(31000);
    assertThat(c.maxBlockWidth()).isEqualTo(new BlockWidth(24, 48));
  }

  @Test
  void readSettings_shouldReadStrings_asTheTypeTheKeyTakes() {
    GuardwallConfig c =
        ConfigReader.readSettings(
            Map.of(
                "blockDuration", " PT6H",
                "notifyThreshold", "critical",
                "allowList", "203.0.113.0/24 , 2001:db8::/32,",
                "blockVictims", "TRUE",
                "firewall.capacity", "500",
                "maxBlockWidth", "{\"ipv6\": 64}"));

    assertThat(c.blockDuration()).isEqualTo(Duration.ofHours(6));
    assertThat(c.notifyThreshold()).isEqualTo(SeverityLevel.CRITICAL);
    assertThat(c.allowList())
        .containsExactly(Cidr.parse("203.0.113.0/24"), Cidr.parse("2001:db8::/32"));
    assertThat(c.blockVictims()).isTrue();
    assertThat(c.firewall().capacity()).isEqualTo(500);
    assertThat(c.maxBlockWidth()).isEqualTo(new BlockWidth(16, 64));
  }

  @Test
  void readSettings_shouldGiveAnEmptyList_whenStringIsEmpty() {
    assertThat(ConfigReader.readSettings(Map.of("accounts", "")).accounts()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "firewall.capacity|lots|'firewall.capacity': must be an integer, got \"lots\"",
        "firewall.capacity|1.5|'firewall.capacity': must be an integer, got \"1.5\"",
        "firewall.capacity|0|'firewall': capacity must be 1-30000: 0",
        "blockSamples|yes|'blockSamples': must be true or false, got \"yes\"",
        "blockDuration|12h|'blockDuration': not an ISO-8601 duration such as PT12H: \"12h\"",
        "accounts|12345|accounts must be 12-digit AWS account IDs: 12345",
        "allowList|10.0.0.0/99|'allowList[0]': not a CIDR",
        "firewall|{oops|'firewall': not a JSON object: ",
        "firewall|[]|'firewall': must be an object, got a JSON array",
        "blockDurations|PT1H|'blockDurations': unknown key",
        "firewall.colour|red|'firewall.colour': unknown key",
        "blockDuration.hours|1|'blockDuration.hours': unknown key"
      })
  void readSettings_shouldNameTheKey_whenAValueIsBad(String key, String value, String message) {
    assertThatThrownBy(() -> ConfigReader.readSettings(Map.of(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void readSettings_shouldRefuse_whenAKeyIsGivenTwice() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("firewall", Map.of("capacity", 100));
    settings.put("firewall.capacity", 200);

    assertThatThrownBy(() -> ConfigReader.readSettings(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessage("'firewall.capacity': set twice");
  }

  @Test
  void readSettings_shouldRejectNonStrings_whereTheKeyTakesText() {
    assertThatThrownBy(() -> ConfigReader.readSettings(Map.of("accounts", List.of(1, 2))))
        .hasMessageContaining("'accounts[0]': must be a string, got 1");
  }

  @Test
  void settingKeys_shouldListEveryKeyOfTheFile_andTheNestedOnesDotted() {
    assertThat(ConfigReader.settingKeys())
        .startsWith("blockDuration", "notifyThreshold")
        .contains("allowList", "firewall", "firewall.capacity", "maxBlockWidth.ipv6")
        .hasSize(18);
  }
}
