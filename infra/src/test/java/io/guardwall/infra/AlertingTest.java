package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import io.guardwall.core.testing.Resources;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The default stack's alarm topic, alarms, failure-alert subscription and (absent) Chatbot. */
@Needs(ExternalTool.NODE)
class AlertingTest {

  private static final Map<String, Object> TOPIC =
      Map.of("Ref", Match.stringLikeRegexp("GuardwallAlarmTopic[0-9A-F]+"));

  private static Synthesized app;
  private static Template template;

  @BeforeAll
  static void synth() {
    app = Synthesized.defaults();
    template = app.template();
  }

  @Test
  void topic_shouldBeEncryptedWithItsOwnRotatingKey() {
    template.resourceCountIs("AWS::SNS::Topic", 1);
    template.hasResourceProperties(
        "AWS::SNS::Topic",
        Map.of(
            "KmsMasterKeyId",
            Map.of(
                "Fn::GetAtt", List.of(Match.stringLikeRegexp("GuardwallAlarmTopicKey.*"), "Arn"))));
    template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
  }

  @Test
  void key_shouldLetCloudWatchEncryptOnlyForThisStacksAlarms() {
    template.hasResourceProperties(
        "AWS::KMS::Key",
        Map.of(
            "KeyPolicy",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                            "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                            "Resource", "*",
                            "Condition", ownAlarmsCondition()))))));
  }

  @Test
  void topicPolicy_shouldRefusePlainHttpAndLetOnlyThisStacksAlarmsPublish() {
    template.hasResourceProperties(
        "AWS::SNS::TopicPolicy",
        Map.of(
            "Topics",
            List.of(TOPIC),
            "PolicyDocument",
            Map.of(
                "Statement",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "Effect", "Deny",
                            "Action", "sns:Publish",
                            "Principal", "*",
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                    Match.objectLike(
                        Map.of(
                            "Effect",
                            "Allow",
                            "Action",
                            "sns:Publish",
                            "Principal",
                            Map.of("Service", "cloudwatch.amazonaws.com"),
                            "Condition",
                            ownAlarmsCondition()))))));
  }

  /** CloudWatch, for this account's alarms whose names start with the stack's name. */
  private static Map<String, Object> ownAlarmsCondition() {
    Map<String, Object> alarmArns =
        Map.of(
            "Fn::Join",
            List.of(
                "",
                List.of(
                    "arn:",
                    Map.of("Ref", "AWS::Partition"),
                    ":cloudwatch:",
                    Map.of("Ref", "AWS::Region"),
                    ":",
                    Map.of("Ref", "AWS::AccountId"),
                    ":alarm:Guardwall-*")));
    return Map.of(
        "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
        "ArnLike", Map.of("aws:SourceArn", alarmArns));
  }

  @Test
  void failureAlertFunction_shouldSubscribeToTheTopic_forThisStacksAlarmsOnly() {
    template.resourceCountIs("AWS::SNS::Subscription", 1);
    template.hasResourceProperties(
        "AWS::SNS::Subscription",
        Map.of(
            "Protocol",
            "lambda",
            "TopicArn",
            TOPIC,
            "Endpoint",
            Map.of("Ref", Match.stringLikeRegexp("GuardwallAlertFailureAlias.*")),
            "FilterPolicyScope",
            "MessageBody",
            "FilterPolicy",
            Map.of("AlarmName", List.of(Map.of("prefix", "Guardwall-")))));
    template.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action",
            "lambda:InvokeFunction",
            "Principal",
            "sns.amazonaws.com",
            "SourceArn",
            TOPIC,
            "FunctionName",
            Map.of("Ref", Match.stringLikeRegexp("GuardwallAlertFailureAlias.*"))));
  }

  @Test
  void alarms_shouldBeExactlyTheDocumentedOnes() {
    List<String> functionAlarms =
        Task.deployed(SlackInteractivity.off()).stream()
            .flatMap(
                t ->
                    Stream.of(
                        "Guardwall-" + t.id() + "FunctionErrors",
                        "Guardwall-" + t.id() + "FunctionThrottles"))
            .toList();
    assertThat(alarms().keySet())
        .containsAll(functionAlarms)
        .contains(
            "Guardwall-EventQueueDelayed",
            "Guardwall-DeadLetterQueueNotEmpty",
            "Guardwall-MaintenanceNotSucceeding",
            "Guardwall-RuleGroupCapacityHigh",
            "Guardwall-BlocklistEntriesEvicted",
            "Guardwall-EnforcementPointFailed",
            "Guardwall-SlackNotConfigured")
        .hasSize(functionAlarms.size() + 7);
  }

  @Test
  void readme_shouldSayWhatToDo_forEveryAlarm() throws Exception {
    String readme = Files.readString(Resources.repositoryRoot().resolve("README.md"));
    String table = readme.substring(readme.indexOf("### Alarms"));
    assertThat(alarms().keySet())
        .allSatisfy(
            name ->
                assertThat(table)
                    .contains(
                        "| `"
                            + name.replaceFirst("^Guardwall-", "")
                                .replaceFirst("^\\w+(Function(Errors|Throttles))$", "<Function>$1")
                            + "` |"));
  }

  @Test
  void everyAlarm_shouldNotifyTheTopicOnAlarmAndOnRecovery_andSayWhatToDo() {
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "AlarmActions", List.of(TOPIC),
            "OKActions", List.of(TOPIC),
            "InsufficientDataActions", Match.absent(),
            "AlarmName", Match.stringLikeRegexp("Guardwall-.*"),
            "AlarmDescription", Match.stringLikeRegexp("guardwall: .*")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // name, namespace, metric, statistic, period, evaluation periods, comparison, threshold,
    // missing
    "EventQueueDelayed, AWS/SQS, ApproximateAgeOfOldestMessage, Maximum, 60, 1,"
        + " GreaterThanThreshold, 60, notBreaching",
    "DeadLetterQueueNotEmpty, AWS/SQS, ApproximateNumberOfMessagesVisible, Maximum, 300, 1,"
        + " GreaterThanThreshold, 0, notBreaching",
    "ReconcileFunctionErrors, AWS/Lambda, Errors, Sum, 300, 1, GreaterThanThreshold, 0,"
        + " notBreaching",
    "AlertFailureFunctionThrottles, AWS/Lambda, Throttles, Sum, 300, 1, GreaterThanThreshold, 0,"
        + " notBreaching",
    "MaintenanceNotSucceeding, AWS/States, ExecutionsSucceeded, Sum, 300, 9, LessThanThreshold, 1,"
        + " breaching",
    "RuleGroupCapacityHigh, Guardwall, CapacityUsedPercent, Maximum, 300, 1, GreaterThanThreshold,"
        + " 80, notBreaching",
    "BlocklistEntriesEvicted, Guardwall, EntriesEvicted, Maximum, 300, 1, GreaterThanThreshold, 0,"
        + " notBreaching",
    "SlackNotConfigured, Guardwall, SlackNotConfigured, Maximum, 300, 1, GreaterThanThreshold, 0,"
        + " notBreaching",
    "EnforcementPointFailed, Guardwall, TargetsFailed, Maximum, 300, 1, GreaterThanThreshold, 0,"
        + " notBreaching",
  })
  void alarm_shouldWatchItsMetric(
      String name,
      String namespace,
      String metric,
      String statistic,
      int period,
      int evaluationPeriods,
      String comparison,
      int threshold,
      String missing) {
    JsonNode alarm = alarms().get("Guardwall-" + name);
    assertThat(alarm).as(name).isNotNull();
    assertThat(alarm.path("Namespace").asText()).isEqualTo(namespace);
    assertThat(alarm.path("MetricName").asText()).isEqualTo(metric);
    assertThat(alarm.path("Statistic").asText()).isEqualTo(statistic);
    assertThat(alarm.path("Period").asInt()).isEqualTo(period);
    assertThat(alarm.path("EvaluationPeriods").asInt()).isEqualTo(evaluationPeriods);
    assertThat(alarm.path("DatapointsToAlarm").asInt(evaluationPeriods))
        .isEqualTo(evaluationPeriods);
    assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo(comparison);
    assertThat(alarm.path("Threshold").asDouble()).isEqualTo(threshold);
    assertThat(alarm.path("TreatMissingData").asText()).isEqualTo(missing);
  }

  @Test
  void maintenanceAlarm_shouldSpanFortyFiveMinutesOfTheMaintenanceStateMachine() {
    JsonNode alarm = alarms().get("Guardwall-MaintenanceNotSucceeding");
    assertThat(alarm.path("Period").asInt() * alarm.path("EvaluationPeriods").asInt())
        .isEqualTo(45 * 60);
    assertThat(alarm.path("AlarmDescription").asText()).contains("succeeded for 45 minutes");
    assertThat(alarm.at("/Dimensions/0/Name").asText()).isEqualTo("StateMachineArn");
    assertThat(alarm.at("/Dimensions/0/Value/Ref").asText())
        .startsWith("GuardwallMaintenanceFlowStateMachine");
  }

  @ParameterizedTest
  @CsvSource({
    "rate(15 minutes), 45",
    "rate(1 minute), 45",
    "cron(0/5 * * * ? *), 45",
    "rate(17 minutes), 55",
    "rate(1 hour), 180",
    "rate(1 day), 1440",
  })
  void maintenanceWindow_shouldCoverThreeScheduledRuns_andAtLeastFortyFiveMinutes(
      String schedule, int minutes) {
    assertThat(Alarms.maintenanceWindowMinutes(schedule)).isEqualTo(minutes);
  }

  @Test
  void queueAlarms_shouldWatchTheirOwnQueue() {
    assertThat(alarms().get("Guardwall-EventQueueDelayed").at("/Dimensions/0/Value").toString())
        .contains("GuardwallEventQueue")
        .doesNotContain("DeadLetter");
    assertThat(
            alarms().get("Guardwall-DeadLetterQueueNotEmpty").at("/Dimensions/0/Value").toString())
        .contains("GuardwallDeadLetterQueue");
  }

  @Test
  void functionAlarms_shouldWatchTheFunctionItself_notOneVersion() {
    JsonNode alarm = alarms().get("Guardwall-ReconcileFunctionErrors");
    assertThat(alarm.path("Dimensions"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path("Name").asText()).isEqualTo("FunctionName");
              assertThat(d.at("/Value/Ref").asText()).startsWith("GuardwallReconcileFunction");
            });
  }

  @Test
  void guardwallMetricAlarms_shouldCarryTheServiceDimension() {
    assertThat(alarms().get("Guardwall-SlackNotConfigured").path("Dimensions").toString())
        .isEqualTo("[{\"Name\":\"Service\",\"Value\":\"guardwall\"}]");
  }

  @Test
  void chatbot_shouldBeAbsent_whenNoChannelIsGiven() {
    template.resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0);
  }

  @Test
  void output_shouldNameTheAlarmTopic() {
    assertThat(app.json().at("/Outputs/AlarmTopicArn/Value/Ref").asText())
        .startsWith("GuardwallAlarmTopic");
  }

  @Test
  void chatbot_shouldPostTheCreatedTopic_toTheGivenChannel() {
    Template withChatbot =
        Synthesized.app(
                Map.of(
                    "chatbotSlackWorkspaceId", "T07ABCDEFGH",
                    "chatbotSlackChannelId", "C07ABCDEFGH"))
            .template();
    withChatbot.hasResourceProperties(
        "AWS::Chatbot::SlackChannelConfiguration",
        Map.of("SnsTopicArns", List.of(TOPIC), "SlackChannelId", "C07ABCDEFGH"));
  }

  /** The alarms' properties by alarm name. */
  private static Map<String, JsonNode> alarms() {
    return app.resources("AWS::CloudWatch::Alarm").values().stream()
        .map(r -> r.path("Properties"))
        .collect(Collectors.toMap(p -> p.path("AlarmName").asText(), p -> p));
  }
}
