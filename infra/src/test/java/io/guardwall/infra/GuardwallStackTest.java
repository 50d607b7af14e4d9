package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@Needs(ExternalTool.NODE)
class GuardwallStackTest {

  private static Synthesized app;
  private static Template template;

  @BeforeAll
  static void synth() {
    app = Synthesized.defaults();
    template = app.template();
  }

  @Test
  void tables_shouldBeBlocklistAndNotificationLog_eachWithKeyTtlPitrAndEncryption() {
    template.resourceCountIs("AWS::DynamoDB::Table", 2);
    template.allResourcesProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")),
            "BillingMode", "PAY_PER_REQUEST",
            "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
            "SSESpecification", Map.of("SSEEnabled", true)));
    assertThat(app.resources("AWS::DynamoDB::Table"))
        .hasEntrySatisfying(
            app.resources("AWS::DynamoDB::Table").keySet().stream()
                .filter(k -> k.startsWith("GuardwallNotifications"))
                .findFirst()
                .orElseThrow(),
            t -> assertThat(t.path("DeletionPolicy").asText()).isEqualTo("Delete"));
  }

  @Test
  void blocklistTable_shouldBeRetained_whenTheStackGoes() {
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of(
            "DeletionPolicy",
            "Retain",
            "Properties",
            Map.of(
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")),
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true))));
  }

  @Test
  void blocklistTable_shouldHaveTheAuditIndex_onTheRecordsTimeline() {
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of(
            "DeletionPolicy",
            "Retain",
            "Properties",
            Map.of(
                "AttributeDefinitions",
                Match.arrayEquals(
                    List.of(
                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "auditLog", "AttributeType", "S"),
                        Map.of("AttributeName", "at", "AttributeType", "N"))),
                "GlobalSecondaryIndexes",
                List.of(
                    Map.of(
                        "IndexName",
                        "audit",
                        "KeySchema",
                        List.of(
                            Map.of("AttributeName", "auditLog", "KeyType", "HASH"),
                            Map.of("AttributeName", "at", "KeyType", "RANGE")),
                        "Projection",
                        Map.of("ProjectionType", "ALL"))))));
  }

  @Test
  void notificationsTable_shouldHaveNoIndex() {
    JsonNode notifications =
        app.resources("AWS::DynamoDB::Table").entrySet().stream()
            .filter(e -> e.getKey().startsWith("GuardwallNotifications"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(notifications.path("Properties").has("GlobalSecondaryIndexes")).isFalse();
    assertThat(notifications.path("Properties").path("AttributeDefinitions")).hasSize(1);
  }

  @Test
  void ruleGroup_shouldBeStatelessWithPlaceholderThatMatchesNothing_whenCreated() {
    template.resourceCountIs("AWS::NetworkFirewall::RuleGroup", 1);
    template.hasResourceProperties(
        "AWS::NetworkFirewall::RuleGroup",
        Map.of(
            "Type",
            "STATELESS",
            "Capacity",
            10000,
            "RuleGroupName",
            "guardwall-blocklist",
            "RuleGroup",
            Map.of(
                "RulesSource",
                Map.of(
                    "StatelessRulesAndCustomActions",
                    Map.of(
                        "StatelessRules",
                        List.of(
                            Map.of(
                                "Priority",
                                30000,
                                "RuleDefinition",
                                Map.of(
                                    "Actions", List.of("aws:drop"),
                                    "MatchAttributes",
                                        Map.of(
                                            "Sources",
                                            List.of(
                                                Map.of("AddressDefinition", "0.0.0.0/32")))))))))));
  }

  @Test
  void functions_shouldRunJava21WithSnapStartAndOneHandlerEach_whenSynthesized() {
    Map<String, JsonNode> functions = app.resources("AWS::Lambda::Function");
    assertThat(functions).hasSize(Task.deployed(SlackInteractivity.off()).size());
    assertThat(functions.values().stream().map(f -> f.at("/Properties/Handler").asText()))
        .containsExactlyInAnyOrder(
            "io.guardwall.lambda.QueueHandler::handleRequest",
            "io.guardwall.lambda.ReconcileHandler::handleRequest",
            "io.guardwall.lambda.MaintainHandler::handleRequest",
            "io.guardwall.lambda.MaintenanceDigestHandler::handleRequest",
            "io.guardwall.lambda.AlertFailureHandler::handleRequest");
    template.allResourcesProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Runtime", "java21",
            "MemorySize", 1024,
            "Architectures", List.of("arm64"),
            "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
            "LoggingConfig", Map.of("LogGroup", Match.anyValue())));
  }

  @Test
  void functions_shouldGetTableRuleGroupSecretAndConfig_whenSynthesized() {
    template.allResourcesProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        "GUARDWALL_TABLE",
                            Map.of("Ref", Match.stringLikeRegexp("GuardwallBlocklist.*")),
                        "GUARDWALL_NOTIFICATIONS_TABLE",
                            Map.of("Ref", Match.stringLikeRegexp("GuardwallNotifications.*")),
                        "GUARDWALL_RULE_GROUP_ARN",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(
                                    Match.stringLikeRegexp("GuardwallRuleGroup.*"),
                                    "RuleGroupArn")),
                        "GUARDWALL_SLACK_SECRET",
                            Map.of("Ref", Match.stringLikeRegexp("GuardwallSlackWebhook.*")),
                        "GUARDWALL_CONFIG",
                            Match.stringLikeRegexp("\\{.*\"blockDuration\":\"PT12H\".*"),
                        "POWERTOOLS_SERVICE_NAME", "guardwall",
                        "POWERTOOLS_METRICS_NAMESPACE", "Guardwall")))));
  }

  @Test
  void functions_shouldHaveNoReservedConcurrency_sinceTwoReconcilesMayRace() {
    assertThat(app.resources("AWS::Lambda::Function").values())
        .allSatisfy(
            f ->
                assertThat(f.at("/Properties/ReservedConcurrentExecutions").isMissingNode())
                    .isTrue());
  }

  @Test
  void queueFunction_shouldConsumeTheEventQueueInBatches_throughItsLiveAlias() {
    template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    template.hasResourceProperties(
        "AWS::Lambda::EventSourceMapping",
        Map.of(
            "EventSourceArn",
                Map.of(
                    "Fn::GetAtt", List.of(Match.stringLikeRegexp("GuardwallEventQueue.*"), "Arn")),
            "BatchSize", 1000,
            "MaximumBatchingWindowInSeconds", 10,
            "ScalingConfig", Map.of("MaximumConcurrency", 2),
            "FunctionResponseTypes", List.of("ReportBatchItemFailures")));
    assertThat(
            app.resources("AWS::Lambda::EventSourceMapping")
                .values()
                .iterator()
                .next()
                .at("/Properties/FunctionName")
                .toString())
        .as("SnapStart restores published versions only")
        .contains("GuardwallQueueAlias", ":live");
  }

  @Test
  void eventQueue_shouldHideMessagesSixFunctionTimeoutsAndMoveThemToTheDlqAfterFiveReceives() {
    JsonNode queue = eventQueue();
    assertThat(queue.at("/Properties/VisibilityTimeout").asInt()).isEqualTo(6 * 900 + 10);
    assertThat(queue.at("/Properties/SqsManagedSseEnabled").asBoolean()).isTrue();
    assertThat(queue.at("/Properties/RedrivePolicy/maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(queue.at("/Properties/RedrivePolicy/deadLetterTargetArn/Fn::GetAtt/0").asText())
        .startsWith("GuardwallDeadLetterQueue");
    int timeout =
        app.resources("AWS::Lambda::Function").values().stream()
            .filter(f -> f.at("/Properties/Handler").asText().contains("QueueHandler"))
            .findFirst()
            .orElseThrow()
            .at("/Properties/Timeout")
            .asInt();
    assertThat(queue.at("/Properties/VisibilityTimeout").asInt())
        .isGreaterThanOrEqualTo(6 * timeout);
  }

  private static JsonNode eventQueue() {
    return app.resources("AWS::SQS::Queue").entrySet().stream()
        .filter(e -> e.getKey().startsWith("GuardwallEventQueue"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aliases_shouldPointAtPublishedVersions_whenSynthesized() {
    template.resourceCountIs(
        "AWS::Lambda::Version", Task.deployed(SlackInteractivity.off()).size());
    template.resourceCountIs("AWS::Lambda::Alias", Task.deployed(SlackInteractivity.off()).size());
    template.allResourcesProperties(
        "AWS::Lambda::Alias",
        Map.of(
            "Name",
            "live",
            "FunctionVersion",
            Map.of(
                "Fn::GetAtt", List.of(Match.stringLikeRegexp(".*CurrentVersion.*"), "Version"))));
  }

  @Test
  void stateMachines_shouldBeOnlyTheMaintenance_standardTracedAndLogged() {
    template.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    template.allResourcesProperties(
        "AWS::StepFunctions::StateMachine",
        Map.of(
            "StateMachineType", "STANDARD",
            "TracingConfiguration", Map.of("Enabled", true),
            "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL"))));
  }

  @Test
  void rules_shouldQueueFindingsAndScheduleMaintenance_withDeadLetterQueueAndRetryPolicy() {
    template.resourceCountIs("AWS::Events::Rule", 2);
    Map<String, Object> retry =
        Map.of("MaximumEventAgeInSeconds", 7200, "MaximumRetryAttempts", 10);
    Map<String, Object> dlq =
        Map.of(
            "Arn",
            Map.of(
                "Fn::GetAtt",
                List.of(Match.stringLikeRegexp("GuardwallDeadLetterQueue.*"), "Arn")));
    template.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "EventPattern",
            Map.of("$or", Match.anyValue()),
            "Targets",
            List.of(
                Map.of(
                    "Arn",
                    Map.of(
                        "Fn::GetAtt",
                        List.of(Match.stringLikeRegexp("GuardwallEventQueue.*"), "Arn")),
                    "Id",
                    Match.anyValue(),
                    "DeadLetterConfig",
                    dlq,
                    "RetryPolicy",
                    retry))));
    template.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "ScheduleExpression",
            "rate(15 minutes)",
            "Targets",
            List.of(
                Map.of(
                    "Arn", Map.of("Ref", Match.stringLikeRegexp(".*StateMachine.*")),
                    "RoleArn", Match.anyValue(),
                    "Id", Match.anyValue(),
                    "DeadLetterConfig", dlq,
                    "RetryPolicy", retry))));
  }

  @Test
  void queues_shouldBeEncryptedAndRefusePlainHttp_whenSynthesized() {
    template.resourceCountIs("AWS::SQS::Queue", 2);
    template.allResourcesProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
    template.hasResourceProperties("AWS::SQS::Queue", Map.of("MessageRetentionPeriod", 1209600));
    assertThat(app.resources("AWS::SQS::QueuePolicy").values())
        .hasSize(2)
        .allSatisfy(
            p ->
                assertThat(p.at("/Properties/PolicyDocument/Statement").toString())
                    .contains("\"aws:SecureTransport\":\"false\"", "\"Effect\":\"Deny\""));
  }

  @Test
  void eventQueue_shouldTakeMessagesOnlyFromTheEventsRule() {
    JsonNode policy =
        app.resources("AWS::SQS::QueuePolicy").values().stream()
            .filter(p -> p.toString().contains("events.amazonaws.com"))
            .findFirst()
            .orElseThrow();
    assertThat(policy.toString())
        .contains("sqs:SendMessage", "aws:SourceArn", "GuardwallEventsRule");
  }

  @Test
  void secret_shouldBeCreated_whenNoNameIsGiven() {
    template.resourceCountIs("AWS::SecretsManager::Secret", 1);
  }

  @Test
  void outputs_shouldNameRuleGroupTableSecretAndQueue_whenSynthesized() {
    assertThat(app.json().path("Outputs").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "RuleGroupArn",
            "TableName",
            "NotificationsTableName",
            "SlackSecretArn",
            "EventQueueUrl",
            "DeadLetterQueueUrl",
            "AlarmTopicArn");
  }
}
