package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.BlockWidth;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.FirewallSettings;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.services.lambda.Architecture;

@Needs(ExternalTool.NODE)
class ContextPropsTest {

  @Test
  void read_shouldKeepDefaults_whenContextIsEmpty() {
    GuardwallProps props = ContextProps.read(key -> null);
    assertThat(props.config()).isEqualTo(GuardwallConfig.defaults());
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
                    31000.0,
                    "maxBlockWidth",
                    Map.of("ipv4", 24))
                ::get);
    assertThat(props.ruleGroupCapacity()).isEqualTo(2000);
    assertThat(props.config().blockSamples()).isFalse();
    assertThat(props.config().blockVictims()).isTrue();
    assertThat(props.config().accounts()).containsExactly("111122223333", "444455556666");
    assertThat(props.config().notificationMemory()).isEqualTo(Duration.ofDays(1));
    assertThat(props.config().firewall().destinationPriority()).isEqualTo(31000);
    assertThat(props.config().maxBlockWidth()).isEqualTo(new BlockWidth(24, 48));
    assertThat(props.architecture()).isEqualTo(Architecture.X86_64);
  }

  @Test
  void read_shouldTakeStrings_asCdkDashCPassesThem() {
    GuardwallProps props =
        ContextProps.read(
            Map.<String, Object>of(
                    "ruleGroupCapacity", "500",
                    "sourcePriority", "100",
                    "blockSamples", "false",
                    "blockVictims", "TRUE",
                    "accounts", "111122223333 , 444455556666,",
                    "allowList", "203.0.113.0/24,2001:db8::/32",
                    "notifyThreshold", "critical",
                    "blockDuration", "PT6H",
                    "maxBlockWidthIpv6", "64",
                    "firewall.metricDimension", "blocks")
                ::get);
    GuardwallConfig config = props.config();
    assertThat(props.ruleGroupCapacity()).isEqualTo(500);
    assertThat(config.firewall())
        .isEqualTo(new FirewallSettings(100, 30100, "GuardwallBlocked", "blocks", 500));
    assertThat(config.blockSamples()).isFalse();
    assertThat(config.blockVictims()).isTrue();
    assertThat(config.accounts()).containsExactly("111122223333", "444455556666");
    assertThat(config.allowList())
        .containsExactly(Cidr.parse("203.0.113.0/24"), Cidr.parse("2001:db8::/32"));
    assertThat(config.notifyThreshold()).isEqualTo(SeverityLevel.CRITICAL);
    assertThat(config.blockDuration()).isEqualTo(Duration.ofHours(6));
    assertThat(config.maxBlockWidth()).isEqualTo(new BlockWidth(16, 64));
  }

  @Test
  void read_shouldGiveTheFilesConfig_whenContextHoldsTheFilesKeys() throws Exception {
    String file =
        """
        {"blockDuration": "PT2H", "notifyThreshold": "HIGH", "apiBlockThreshold": "LOW",
         "allowList": ["203.0.113.0/24"], "accounts": ["111122223333"], "blockSamples": false,
         "blockVictims": true, "notificationMemory": "P1D", "maxBlockWidth": {"ipv4": 20},
         "firewall": {"sourcePriority": 100, "destinationPriority": 200,
                      "customActionName": "Blocked", "metricDimension": "gw", "capacity": 500}}
        """;
    Map<String, Object> context = Jackson.toMap((ObjectNode) Jackson.reader().readTree(file));

    assertThat(ContextProps.read(context::get).config()).isEqualTo(ConfigReader.parse(file));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ruleGroupCapacity|lots|context 'ruleGroupCapacity': 'firewall.capacity': must be an integer",
        "ruleGroupCapacity|1.5|context 'ruleGroupCapacity': 'firewall.capacity': must be an integer",
        "ruleGroupCapacity|0|context 'ruleGroupCapacity': 'firewall': capacity must be 1-30000: 0",
        "maxBlockWidthIpv4|4|context 'maxBlockWidthIpv4': 'maxBlockWidth': ipv4 must be a prefix",
        "blockSamples|yes|context: 'blockSamples': must be true or false",
        "blockVictims|1|context: 'blockVictims': must be true or false",
        "blockDuration|12h|context: 'blockDuration': not an ISO-8601 duration",
        "notifyThreshold|SEVERE|context: 'notifyThreshold': unknown severity",
        "architecture|sparc|context 'architecture': must be arm64 or x86_64",
        "allowList|10.0.0.0/99|context: 'allowList[0]': not a CIDR",
        "accounts|12345|context: accounts must be 12-digit AWS account IDs: 12345",
        "firewall|{|context: 'firewall': not a JSON object",
        "queueBatchSize|many|context 'queueBatchSize': must be a whole number, got many",
        "queueBatchSize|0|context 'queueBatchSize': queueBatchSize must be 1-10000: 0",
        "queueMaxConcurrency|1|context 'queueMaxConcurrency': queueMaxConcurrency must be 2-1000",
        "queueBatchWindowSeconds|0|queueBatchWindowSeconds must be at least 1 when",
        "queueMaxReceiveCount|2.5|context 'queueMaxReceiveCount': must be a whole number",
        "chatbotSlackWorkspaceId|T07A|context: chatbotSlackWorkspaceId and chatbotSlackChannelId go"
      })
  void read_shouldNameTheKey_whenAValueIsBad(String key, String value, String message) {
    assertThatThrownBy(() -> ContextProps.read(Map.<String, Object>of(key, value)::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void read_shouldTakeQueueSettings_typedOrAsStrings() {
    GuardwallProps typed =
        ContextProps.read(
            Map.<String, Object>of(
                    "queueBatchSize", 10, "queueBatchWindowSeconds", 0, "queueMaxConcurrency", 4.0)
                ::get);
    GuardwallProps strings =
        ContextProps.read(Map.<String, Object>of("queueMaxReceiveCount", " 9 ")::get);

    assertThat(typed.queue()).isEqualTo(new QueueSettings(10, 0, 4, 5));
    assertThat(strings.queue()).isEqualTo(QueueSettings.defaults().withMaxReceiveCount(9));
    assertThat(ContextProps.read(key -> null).queue()).isEqualTo(new QueueSettings(1000, 10, 2, 5));
  }

  @Test
  void read_shouldRejectNonStrings_whereAStringIsExpected() {
    assertThatThrownBy(() -> ContextProps.read(Map.<String, Object>of("slackSecretName", 42)::get))
        .hasMessageContaining("'slackSecretName': must be a string");
    assertThatThrownBy(
            () -> ContextProps.read(Map.<String, Object>of("accounts", List.of(1, 2))::get))
        .hasMessageContaining("'accounts[0]': must be a string, got 1");
  }

  @Test
  void read_shouldRefuse_whenAFlatKeyAndItsKeyAreBothGiven() {
    Map<String, Object> both = Map.of("ruleGroupCapacity", 500, "firewall.capacity", 600);
    assertThatThrownBy(() -> ContextProps.read(both::get))
        .hasMessage(
            "context 'ruleGroupCapacity' and 'firewall.capacity' set the same key; give one");
    Map<String, Object> inObject =
        Map.of("ruleGroupCapacity", 500, "firewall", Map.of("capacity", 6));
    assertThatThrownBy(() -> ContextProps.read(inObject::get))
        .hasMessage("context: 'firewall.capacity': set twice");
  }

  @Test
  void keys_shouldListEveryKeyRead_andEveryKeyOfTheConfigurationFile() {
    Set<String> asked = new HashSet<>();
    ContextProps.read(
        key -> {
          asked.add(key);
          return null;
        });
    assertThat(asked).containsExactlyInAnyOrderElementsOf(ContextProps.KEYS);
    assertThat(ContextProps.KEYS)
        .containsAll(ConfigReader.settingKeys())
        .contains("ruleGroupArn", "ruleGroupCapacity", "maxBlockWidthIpv4", "architecture")
        .doesNotHaveDuplicates();
  }
}
