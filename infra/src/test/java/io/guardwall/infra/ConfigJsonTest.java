package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void write_shouldReadBackEqual_whenDefaults() throws Exception {
    GuardwallConfig config = GuardwallConfig.defaults();
    assertThat(ConfigReader.read(JSON.readTree(ConfigJson.write(config)))).isEqualTo(config);
  }

  @Test
  void write_shouldReadBackEqual_whenEverySettingDiffers() throws Exception {
    GuardwallConfig config =
        GuardwallProps.builder()
            .blockDuration(Duration.ofMinutes(90))
            .notifyThreshold(SeverityLevel.LOW)
            .apiBlockThreshold(SeverityLevel.HIGH)
            .allowList(List.of("203.0.113.0/24", "2001:db8::/32"))
            .accounts(List.of("444455556666", "111122223333"))
            .blockSamples(false)
            .blockVictims(true)
            .notificationMemory(Duration.ofDays(2))
            .sourcePriority(1)
            .destinationPriority(2)
            .ruleGroupCapacity(30_000)
            .build()
            .config();
    assertThat(ConfigReader.read(JSON.readTree(ConfigJson.write(config)))).isEqualTo(config);
  }

  @Test
  void write_shouldUseIsoDurationsAndLevelNames() {
    String json = ConfigJson.write(GuardwallConfig.defaults());
    assertThat(json).contains("\"blockDuration\":\"PT12H\"", "\"notifyThreshold\":\"MEDIUM\"");
  }
}
