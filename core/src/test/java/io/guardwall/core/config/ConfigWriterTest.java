package io.guardwall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigWriterTest {

  /** Every key differs from its default. */
  static final GuardwallConfig EVERY_KEY_SET =
      new GuardwallConfig(
          Duration.ofMinutes(90),
          SeverityLevel.LOW,
          SeverityLevel.HIGH,
          List.of(Cidr.parse("203.0.113.0/24"), Cidr.parse("2001:db8::/32")),
          Set.of("444455556666", "111122223333"),
          false,
          true,
          Duration.ofDays(2),
          new FirewallSettings(1, 2, "Blocked", "gw", 30_000),
          new BlockWidth(24, 64),
          Duration.ofHours(6));

  @Test
  void write_shouldReadBackEqual_whenDefaults() {
    GuardwallConfig config = GuardwallConfig.defaults();

    assertThat(ConfigReader.parse(ConfigWriter.write(config))).isEqualTo(config);
  }

  @Test
  void write_shouldReadBackEqual_whenEveryKeyIsSet() {
    assertThat(ConfigReader.parse(ConfigWriter.write(EVERY_KEY_SET))).isEqualTo(EVERY_KEY_SET);
  }

  @Test
  void write_shouldWriteEveryKey_inTheFileOrder() {
    assertThat(ConfigWriter.write(GuardwallConfig.defaults()))
        .isEqualTo(
            "{\"blockDuration\":\"PT12H\",\"notifyThreshold\":\"MEDIUM\","
                + "\"apiBlockThreshold\":\"MEDIUM\",\"allowList\":[],\"accounts\":[],"
                + "\"blockSamples\":true,\"blockVictims\":false,\"notificationMemory\":\"PT168H\","
                + "\"firewall\":{\"sourcePriority\":30000,\"destinationPriority\":30100,"
                + "\"customActionName\":\"GuardwallBlocked\",\"metricDimension\":\"guardwall\","
                + "\"capacity\":10000},\"maxBlockWidth\":{\"ipv4\":16,\"ipv6\":48},"
                + "\"extendBy\":\"PT24H\"}");
  }

  @Test
  void write_shouldWriteTextValuesAndSortedAccounts_whenEveryKeyIsSet() {
    assertThat(ConfigWriter.write(EVERY_KEY_SET))
        .contains(
            "\"blockDuration\":\"PT1H30M\"",
            "\"apiBlockThreshold\":\"HIGH\"",
            "\"allowList\":[\"203.0.113.0/24\",\"2001:db8::/32\"]",
            "\"accounts\":[\"111122223333\",\"444455556666\"]");
  }
}
