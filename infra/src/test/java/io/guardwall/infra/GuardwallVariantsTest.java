package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.route.EventPatterns;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The stack with every optional resource given instead of created, and non-default settings. */
@Needs(ExternalTool.NODE)
class GuardwallVariantsTest {

  static final String RULE_GROUP_ARN =
      "arn:aws:network-firewall:eu-west-1:111122223333:stateless-rulegroup/existing-blocklist";
  static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:111122223333:ops-alarms";

  /** Every optional setting given: existing resources instead of created ones, and Chatbot. */
  static final Map<String, Object> CONTEXT =
      Map.ofEntries(
          Map.entry("ruleGroupArn", RULE_GROUP_ARN),
          Map.entry("slackSecretName", "guardwall/slack-webhook"),
          Map.entry("alarmTopicArn", TOPIC_ARN),
          Map.entry("chatbotSlackWorkspaceId", "T07ABCDEFGH"),
          Map.entry("chatbotSlackChannelId", "C07ABCDEFGH"),
          Map.entry("maintenanceSchedule", "cron(0/5 * * * ? *)"),
          Map.entry("architecture", "x86_64"),
          Map.entry("notifyThreshold", "HIGH"),
          Map.entry("sourcePriority", "100"),
          Map.entry("allowList", "203.0.113.0/24, 2001:db8::/32"),
          Map.entry("queueBatchSize", "200"),
          Map.entry("queueBatchWindowSeconds", "30"),
          Map.entry("queueMaxConcurrency", "3"),
          Map.entry("queueMaxReceiveCount", "8"));

  private static Synthesized app;
  private static Template template;

  @BeforeAll
  static void synth() {
    app = Synthesized.app(CONTEXT);
    template = app.template();
  }

  @Test
  void ruleGroup_shouldNotBeCreated_whenAnArnIsGiven() {
    template.resourceCountIs("AWS::NetworkFirewall::RuleGroup", 0);
    template.allResourcesProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(Map.of("GUARDWALL_RULE_GROUP_ARN", RULE_GROUP_ARN)))));
  }

  @Test
  void firewallStatements_shouldNameTheGivenArn_whenAnArnIsGiven() {
    List<JsonNode> statements =
        IamStatements.of(app).withAction("network-firewall:UpdateRuleGroup");
    assertThat(statements).as("the queue function and the maintenance reconcile").hasSize(2);
    assertThat(statements)
        .allSatisfy(s -> assertThat(s.path("Resource").asText()).isEqualTo(RULE_GROUP_ARN));
  }

  @Test
  void secret_shouldBeImportedByName_whenANameIsGiven() {
    template.resourceCountIs("AWS::SecretsManager::Secret", 0);
    template.allResourcesProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(Map.of("GUARDWALL_SLACK_SECRET", "guardwall/slack-webhook")))));
    List<JsonNode> statements = IamStatements.of(app).withAction("secretsmanager:GetSecretValue");
    assertThat(statements).isNotEmpty();
    statements.forEach(
        s ->
            assertThat(s.path("Resource").toString())
                .contains(":secret:guardwall/slack-webhook-??????"));
  }

  @Test
  void eventsRule_shouldCarryTheConfiguredThreshold() {
    JsonNode pattern =
        app.resources("AWS::Events::Rule").entrySet().stream()
            .filter(e -> e.getKey().startsWith("GuardwallEventsRule"))
            .map(e -> e.getValue().at("/Properties/EventPattern"))
            .findFirst()
            .orElseThrow();
    EventPatternTest.assertSameJson(pattern, EventPatterns.anyRoute(SeverityLevel.HIGH));
    assertThat(pattern.toString()).contains("[\">=\",7").doesNotContain("MEDIUM");
  }

  @Test
  void queue_shouldTakeItsSettingsFromContextStrings() {
    template.hasResourceProperties(
        "AWS::Lambda::EventSourceMapping",
        Map.of(
            "BatchSize", 200,
            "MaximumBatchingWindowInSeconds", 30,
            "ScalingConfig", Map.of("MaximumConcurrency", 3)));
    template.hasResourceProperties(
        "AWS::SQS::Queue",
        Map.of(
            "VisibilityTimeout",
            6 * 900 + 30,
            "RedrivePolicy",
            Match.objectLike(Map.of("maxReceiveCount", 8))));
  }

  @Test
  void alarms_shouldNotifyTheTopic_whenATopicIsGiven() {
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm",
        Map.of("AlarmActions", List.of(TOPIC_ARN), "OKActions", List.of(TOPIC_ARN)));
  }

  @Test
  void alarmTopic_shouldNotBeCreated_whenAnArnIsGiven() {
    template.resourceCountIs("AWS::SNS::Topic", 0);
    template.resourceCountIs("AWS::SNS::TopicPolicy", 0);
    template.resourceCountIs("AWS::KMS::Key", 0);
    assertThat(app.json().at("/Outputs/AlarmTopicArn/Value").asText()).isEqualTo(TOPIC_ARN);
  }

  @Test
  void failureAlertFunction_shouldSubscribeToTheGivenTopic_forGuardwallsAlarmsOnly() {
    template.hasResourceProperties(
        "AWS::SNS::Subscription",
        Map.of(
            "Protocol",
            "lambda",
            "TopicArn",
            TOPIC_ARN,
            "FilterPolicyScope",
            "MessageBody",
            "FilterPolicy",
            Map.of("AlarmName", List.of(Map.of("prefix", "Guardwall-")))));
  }

  @Test
  void chatbot_shouldPostTheGivenTopicToTheChannel_withAReadOnlyGuardrailAndAnEmptyRole() {
    template.hasResourceProperties(
        "AWS::Chatbot::SlackChannelConfiguration",
        Map.of(
            "ConfigurationName",
            "Guardwall-alarms",
            "SlackWorkspaceId",
            "T07ABCDEFGH",
            "SlackChannelId",
            "C07ABCDEFGH",
            "SnsTopicArns",
            List.of(TOPIC_ARN),
            "IamRoleArn",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("GuardwallChatbotRole.*"), "Arn")),
            "GuardrailPolicies",
            List.of(
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        List.of(
                            "arn:",
                            Map.of("Ref", "AWS::Partition"),
                            ":iam::aws:policy/CloudWatchReadOnlyAccess"))))));
    JsonNode role =
        app.resources("AWS::IAM::Role").entrySet().stream()
            .filter(e -> e.getKey().startsWith("GuardwallChatbotRole"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertThat(role.at("/Properties/ManagedPolicyArns").isMissingNode()).isTrue();
    assertThat(role.at("/Properties/Policies").isMissingNode()).isTrue();
    assertThat(IamStatements.of(app).ofPolicyPrefix("GuardwallChatbotRole")).isEmpty();
  }

  @Test
  void awsSolutions_shouldReportNothing_withEveryOptionGiven() {
    Annotations annotations = Annotations.fromStack(app.stack());
    assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
    assertThat(annotations.findWarning("*", Match.anyValue())).isEmpty();
  }

  @Test
  void settings_shouldReachScheduleArchitectureAndConfig_whenGivenAsContextStrings() {
    template.hasResourceProperties(
        "AWS::Events::Rule", Map.of("ScheduleExpression", "cron(0/5 * * * ? *)"));
    template.allResourcesProperties(
        "AWS::Lambda::Function", Map.of("Architectures", List.of("x86_64")));
    template.allResourcesProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        "GUARDWALL_CONFIG",
                        Match.stringLikeRegexp(
                            ".*\"notifyThreshold\":\"HIGH\".*\"allowList\":\\[\"203.0.113.0/24\",\"2001:db8::/32\"\\].*\"sourcePriority\":100,.*"))))));
  }
}
