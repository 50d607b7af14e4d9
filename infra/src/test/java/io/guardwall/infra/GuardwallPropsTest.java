package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.nio.file.Path;
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
    assertThat(props.chatbotChannel()).isEmpty();
    assertThat(props.architecture()).isEqualTo(Architecture.ARM_64);
    assertThat(props.lambdaJar().toString()).endsWith("guardwall-lambda.jar");
  }

  @Test
  void build_shouldCarryEverySetting_whenAllAreSet() {
    GuardwallConfig config =
        ConfigReader.parse(
            """
            {"blockDuration": "PT6H", "notifyThreshold": "HIGH", "accounts": ["111122223333"],
             "firewall": {"sourcePriority": 10, "destinationPriority": 20, "capacity": 2000}}
            """);
    GuardwallProps props =
        GuardwallProps.builder()
            .config(config)
            .existingRuleGroupArn(GuardwallVariantsTest.RULE_GROUP_ARN)
            .ruleGroupName("blocks")
            .slackSecretName("guardwall/slack")
            .alarmTopicArn(GuardwallVariantsTest.TOPIC_ARN)
            .chatbotSlackWorkspaceId("T07ABCDEFGH")
            .chatbotSlackChannelId("C07ABCDEFGH")
            .maintenanceSchedule("rate(1 hour)")
            .lambdaJar(Path.of("other.jar"))
            .architecture(Architecture.X86_64)
            .build();
    assertThat(props.config()).isEqualTo(config);
    assertThat(props.ruleGroupCapacity()).isEqualTo(2000);
    assertThat(props.existingRuleGroupArn()).contains(GuardwallVariantsTest.RULE_GROUP_ARN);
    assertThat(props.ruleGroupName()).isEqualTo("blocks");
    assertThat(props.slackSecretName()).contains("guardwall/slack");
    assertThat(props.alarmTopicArn()).contains(GuardwallVariantsTest.TOPIC_ARN);
    assertThat(props.chatbotChannel())
        .contains(new GuardwallProps.ChatbotChannel("T07ABCDEFGH", "C07ABCDEFGH"));
    assertThat(props.maintenanceSchedule()).isEqualTo("rate(1 hour)");
    assertThat(props.lambdaJar()).isEqualTo(Path.of("other.jar"));
    assertThat(props.architecture()).isEqualTo(Architecture.X86_64);
  }

  @Test
  void build_shouldRefuse_whenOnlyOneChatbotIdIsGiven() {
    assertThatThrownBy(() -> GuardwallProps.builder().chatbotSlackWorkspaceId("T07A").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give both or neither");
    assertThatThrownBy(() -> GuardwallProps.builder().chatbotSlackChannelId("C07A").build())
        .hasMessageContaining("give both or neither");
  }

  @ParameterizedTest
  @ValueSource(strings = {"t07abc", "T07 ABC", "<!channel>", ""})
  void build_shouldRejectChatbotWorkspaceId_whenNotASlackId(String id) {
    assertThatThrownBy(
            () ->
                GuardwallProps.builder()
                    .chatbotSlackWorkspaceId(id)
                    .chatbotSlackChannelId("C07A")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chatbotSlackWorkspaceId must match");
  }

  @Test
  void build_shouldRejectChatbotChannelId_whenNotASlackId() {
    assertThatThrownBy(
            () ->
                GuardwallProps.builder()
                    .chatbotSlackWorkspaceId("T07A")
                    .chatbotSlackChannelId("#alerts")
                    .build())
        .hasMessageContaining("chatbotSlackChannelId must match");
  }

  @Test
  void build_shouldRefuse_whenConfigIsNull() {
    assertThatThrownBy(() -> GuardwallProps.builder().config(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("config");
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
  void build_shouldRejectTopicAndRuleGroupName_whenMalformed() {
    assertThatThrownBy(() -> GuardwallProps.builder().alarmTopicArn("arn:aws:sqs:x").build())
        .hasMessageContaining("alarmTopicArn");
    assertThatThrownBy(() -> GuardwallProps.builder().ruleGroupName("has space").build())
        .hasMessageContaining("ruleGroupName");
  }
}
