package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.services.lambda.Architecture;

@Needs(ExternalTool.NODE)
class GuardwallPropsTest {

  @Test
  void build_shouldUseTheDocumentedDefaults_whenNothingIsSet() {
    GuardwallProps props = GuardwallProps.builder().build();
    assertThat(props.config()).isEqualTo(GuardwallConfig.defaults());
    assertThat(props.existingRuleGroupArn()).isEmpty();
    assertThat(props.ruleGroupCapacity()).isEqualTo(10_000);
    assertThat(props.ruleGroupName()).isEqualTo("guardwall-blocklist");
    assertThat(props.slackSecretName()).isEmpty();
    assertThat(props.maintenanceSchedule()).isEqualTo("rate(15 minutes)");
    assertThat(props.alarmTopicArn()).isEmpty();
    assertThat(props.architecture()).isEqualTo(Architecture.ARM_64);
    assertThat(props.lambdaJar().toString()).endsWith("guardwall-lambda.jar");
  }

  @Test
  void build_shouldCarryEverySetting_whenAllAreSet() {
    GuardwallProps props =
        GuardwallProps.builder()
            .existingRuleGroupArn(GuardwallVariantsTest.RULE_GROUP_ARN)
            .sourcePriority(10)
            .destinationPriority(20)
            .blockDuration(Duration.ofHours(6))
            .allowList(List.of("198.51.100.0/24"))
            .notifyThreshold(SeverityLevel.HIGH)
            .apiBlockThreshold(SeverityLevel.CRITICAL)
            .accounts(List.of("111122223333"))
            .blockSamples(false)
            .blockVictims(true)
            .notificationMemory(Duration.ofDays(1))
            .slackSecretName("guardwall/slack")
            .alarmTopicArn(GuardwallVariantsTest.TOPIC_ARN)
            .maintenanceSchedule("rate(1 hour)")
            .build();
    GuardwallConfig config = props.config();
    assertThat(config.firewall().sourcePriority()).isEqualTo(10);
    assertThat(config.firewall().destinationPriority()).isEqualTo(20);
    assertThat(config.blockDuration()).isEqualTo(Duration.ofHours(6));
    assertThat(config.allowList()).containsExactly(Cidr.parse("198.51.100.0/24"));
    assertThat(config.notifyThreshold()).isEqualTo(SeverityLevel.HIGH);
    assertThat(config.apiBlockThreshold()).isEqualTo(SeverityLevel.CRITICAL);
    assertThat(config.accounts()).containsExactly("111122223333");
    assertThat(config.blockSamples()).isFalse();
    assertThat(config.blockVictims()).isTrue();
    assertThat(config.notificationMemory()).isEqualTo(Duration.ofDays(1));
    assertThat(props.existingRuleGroupArn()).contains(GuardwallVariantsTest.RULE_GROUP_ARN);
    assertThat(props.slackSecretName()).contains("guardwall/slack");
    assertThat(props.alarmTopicArn()).contains(GuardwallVariantsTest.TOPIC_ARN);
    assertThat(props.maintenanceSchedule()).isEqualTo("rate(1 hour)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/x",
        "arn:aws:network-firewall:eu-west-1:1111:stateless-rulegroup/x",
        "not an arn",
        ""
      })
  void build_shouldRejectRuleGroupArn_whenNotAStatelessRuleGroup(String arn) {
    assertThatThrownBy(() -> GuardwallProps.builder().existingRuleGroupArn(arn).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("existingRuleGroupArn");
  }

  @Test
  void build_shouldExplainAsTheAdapterDoes_whenRuleGroupIsStateful() {
    assertThatThrownBy(
            () ->
                GuardwallProps.builder()
                    .existingRuleGroupArn(
                        "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/x")
                    .build())
        .hasMessageStartingWith("existingRuleGroupArn: ")
        .hasMessageContaining("guardwall needs a STATELESS rule group");
  }

  @Test
  void build_shouldKeepTheArnTheAdapterReads_whenGivenWithSpaces() {
    String arn = " " + GuardwallVariantsTest.RULE_GROUP_ARN + "\n";

    assertThat(GuardwallProps.builder().existingRuleGroupArn(arn).build().existingRuleGroupArn())
        .contains(GuardwallVariantsTest.RULE_GROUP_ARN);
  }

  @Test
  void build_shouldAcceptARuleGroupToken_sinceItResolvesAtDeployTime() {
    String token = software.amazon.awscdk.Token.asString(java.util.Map.of("Ref", "Other"));
    assertThat(GuardwallProps.builder().existingRuleGroupArn(token).build().existingRuleGroupArn())
        .contains(token);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 30_001})
  void build_shouldRejectCapacity_whenOutOfRange(int capacity) {
    assertThatThrownBy(() -> GuardwallProps.builder().ruleGroupCapacity(capacity).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ruleGroupCapacity must be 1-30000");
  }

  @Test
  void build_shouldRejectPriorities_whenEqualOrOutOfRange() {
    assertThatThrownBy(
            () -> GuardwallProps.builder().sourcePriority(5).destinationPriority(5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must differ");
    assertThatThrownBy(() -> GuardwallProps.builder().sourcePriority(70_000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sourcePriority");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "not-an-ip", "999.1.1.1", "1.2.3.4/24"})
  void build_shouldRejectAllowList_whenAnEntryIsNotACidr(String cidr) {
    assertThatThrownBy(() -> GuardwallProps.builder().allowList(List.of(cidr)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowList");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "abcdefghijkl", "1111222233334"})
  void build_shouldRejectAccounts_whenNotTwelveDigits(String account) {
    assertThatThrownBy(() -> GuardwallProps.builder().accounts(List.of(account)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accounts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"every 15 minutes", "rate()", "15m", ""})
  void build_shouldRejectSchedule_whenNotRateOrCron(String schedule) {
    assertThatThrownBy(() -> GuardwallProps.builder().maintenanceSchedule(schedule).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maintenanceSchedule");
  }

  @Test
  void build_shouldRejectAndAbbreviate_whenSecretNameIsHuge() {
    String huge = "x".repeat(100_000);
    assertThatThrownBy(() -> GuardwallProps.builder().slackSecretName(huge + " ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slackSecretName")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }

  @Test
  void build_shouldRejectDurations_whenNotPositive() {
    assertThatThrownBy(() -> GuardwallProps.builder().blockDuration(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blockDuration");
  }

  @Test
  void build_shouldRejectTopicAndRuleGroupName_whenMalformed() {
    assertThatThrownBy(() -> GuardwallProps.builder().alarmTopicArn("arn:aws:sqs:x").build())
        .hasMessageContaining("alarmTopicArn");
    assertThatThrownBy(() -> GuardwallProps.builder().ruleGroupName("has space").build())
        .hasMessageContaining("ruleGroupName");
  }
}
