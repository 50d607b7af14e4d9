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
  void table_shouldHaveKeyTtlPitrAndEncryption_whenSynthesized() {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of(
            "DeletionPolicy",
            "Retain",
            "Properties",
            Map.of(
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")),
                "AttributeDefinitions",
                    List.of(Map.of("AttributeName", "pk", "AttributeType", "S")),
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true))));
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
    assertThat(functions).hasSize(Task.values().length);
    assertThat(functions.values().stream().map(f -> f.at("/Properties/Handler").asText()))
        .containsExactlyInAnyOrder(
            "io.guardwall.lambda.RecordHandler::handleRequest",
            "io.guardwall.lambda.ReconcileHandler::handleRequest",
            "io.guardwall.lambda.NotifyBlockedHandler::handleRequest",
            "io.guardwall.lambda.NotifyFindingHandler::handleRequest",
            "io.guardwall.lambda.MaintainHandler::handleRequest",
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
  void reconcileFunction_shouldBeTheOnlyOneWithReservedConcurrencyOne_whenSynthesized() {
    Map<String, JsonNode> reserved =
        app.resources("AWS::Lambda::Function").entrySet().stream()
            .filter(e -> e.getValue().at("/Properties/ReservedConcurrentExecutions").isNumber())
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(reserved).hasSize(1);
    JsonNode reconcile = reserved.values().iterator().next();
    assertThat(reconcile.at("/Properties/Handler").asText()).contains("ReconcileHandler");
    assertThat(reconcile.at("/Properties/ReservedConcurrentExecutions").asInt()).isEqualTo(1);
  }

  @Test
  void aliases_shouldPointAtPublishedVersions_whenSynthesized() {
    template.resourceCountIs("AWS::Lambda::Version", Task.values().length);
    template.resourceCountIs("AWS::Lambda::Alias", Task.values().length);
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
  void stateMachines_shouldBeStandardTracedAndLogged_whenSynthesized() {
    template.resourceCountIs("AWS::StepFunctions::StateMachine", 3);
    template.allResourcesProperties(
        "AWS::StepFunctions::StateMachine",
        Map.of(
            "StateMachineType", "STANDARD",
            "TracingConfiguration", Map.of("Enabled", true),
            "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL"))));
  }

  @Test
  void rules_shouldTargetStateMachinesWithDeadLetterQueueAndRetryPolicy_whenSynthesized() {
    template.resourceCountIs("AWS::Events::Rule", 3);
    template.allResourcesProperties(
        "AWS::Events::Rule",
        Map.of(
            "State",
            "ENABLED",
            "Targets",
            List.of(
                Map.of(
                    "Arn", Map.of("Ref", Match.stringLikeRegexp(".*StateMachine.*")),
                    "RoleArn", Match.anyValue(),
                    "Id", Match.anyValue(),
                    "DeadLetterConfig",
                        Map.of(
                            "Arn",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(
                                    Match.stringLikeRegexp("GuardwallDeadLetterQueue.*"), "Arn"))),
                    "RetryPolicy",
                        Map.of("MaximumEventAgeInSeconds", 7200, "MaximumRetryAttempts", 10)))));
    template.hasResourceProperties(
        "AWS::Events::Rule", Map.of("ScheduleExpression", "rate(15 minutes)"));
  }

  @Test
  void deadLetterQueue_shouldBeEncryptedAndRefusePlainHttp_whenSynthesized() {
    template.resourceCountIs("AWS::SQS::Queue", 1);
    template.hasResourceProperties(
        "AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
    template.hasResourceProperties(
        "AWS::SQS::QueuePolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect",
                                "Deny",
                                "Condition",
                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
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
            "RuleGroupArn", "TableName", "SlackSecretArn", "DeadLetterQueueUrl", "AlarmTopicArn");
  }
}
