package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Slack interaction endpoint (issue 8): only with {@code slackInteractive}, and scoped. */
@Needs(ExternalTool.NODE)
class SlackInteractivityTest {

  static final Map<String, Object> CONTEXT =
      Map.of(
          "slackInteractive", true,
          "slackUsers", "U012ABCDEF, W034GHIJKL",
          "slackChannels", "C056MNOPQR");

  private static Synthesized app;
  private static Template template;

  @BeforeAll
  static void synth() {
    app = Synthesized.app(CONTEXT);
    template = app.template();
  }

  @Test
  void functionUrl_shouldBePublicOnTheLiveAlias_whenInteractive() {
    template.hasResourceProperties(
        "AWS::Lambda::Url",
        Map.of(
            "AuthType",
            "NONE",
            "Qualifier",
            Functions.ALIAS,
            "TargetFunctionArn",
            Map.of(
                "Fn::GetAtt",
                List.of(Match.stringLikeRegexp("GuardwallInteractionFunction.*"), "Arn"))));
  }

  @Test
  void function_shouldBeThrottledAndConfigured_whenInteractive() {
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            "io.guardwall.lambda.InteractionHandler::handleRequest",
            "ReservedConcurrentExecutions",
            SlackEndpoint.RESERVED_CONCURRENCY,
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        "GUARDWALL_SLACK_USERS", "U012ABCDEF,W034GHIJKL",
                        "GUARDWALL_SLACK_CHANNELS", "C056MNOPQR",
                        "GUARDWALL_SLACK_BUTTONS", "true",
                        "GUARDWALL_SLACK_SIGNING_SECRET",
                            Map.of("Ref", Match.stringLikeRegexp("GuardwallSlackSigningSecret.*")),
                        "GUARDWALL_EVENT_QUEUE_URL",
                            Map.of("Ref", Match.stringLikeRegexp("GuardwallEventQueue.*")))))));
  }

  @Test
  void queueFunction_shouldPostDigestsWithButtons_whenInteractive() {
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            "io.guardwall.lambda.QueueHandler::handleRequest",
            "Environment",
            Map.of("Variables", Match.objectLike(Map.of("GUARDWALL_SLACK_BUTTONS", "true")))));
  }

  @Test
  void secret_shouldBeCreatedForTheSigningSecret_whenInteractive() {
    template.hasResourceProperties(
        "AWS::SecretsManager::Secret",
        Map.of("Description", Match.stringLikeRegexp(".*signing secret.*")));
  }

  @Test
  void replayRecords_shouldBeWritableOnlyUnderTheirPrefix_whenInteractive() {
    template.hasResourceProperties(
        "AWS::IAM::Policy", statement("dynamodb:PutItem", "slack-request#*"));
  }

  @Test
  void queueFunction_shouldPerformSlackActions_whenInteractive() {
    // An audit record is put before the action and completed after it.
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        statement(List.of("dynamodb:PutItem", "dynamodb:UpdateItem"), "audit#*"));
    // Merged with the allow-list read of the same key.
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        statement(Match.arrayWith(List.of("dynamodb:UpdateItem")), "allowlist*"));
  }

  @Test
  void eventQueue_shouldTakeOnlySendMessageFromTheEndpoint_whenInteractive() {
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "Action",
                            "sqs:SendMessage",
                            "Effect",
                            "Allow",
                            "Resource",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(
                                    Match.stringLikeRegexp("GuardwallEventQueue.*"), "Arn"))))))));
  }

  @Test
  void alarm_shouldWatchSignatureFailures_whenInteractive() {
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName",
            "SignatureFailures",
            "Statistic",
            "Sum",
            "AlarmActions",
            Match.anyValue()));
  }

  @Test
  void output_shouldGiveTheUrl_whenInteractive() {
    template.hasOutput("SlackInteractivityUrl", Match.anyValue());
    template.hasOutput("SlackSigningSecretArn", Match.anyValue());
  }

  @Test
  void awsSolutions_shouldReportNothing_whenInteractive() {
    Annotations annotations = Annotations.fromStack(app.stack());
    assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
    assertThat(annotations.findWarning("*", Match.anyValue())).isEmpty();
  }

  @Test
  void template_shouldHaveNoEndpoint_whenNotInteractive() {
    Template off = Synthesized.defaults().template();
    off.resourceCountIs("AWS::Lambda::Url", 0);
    assertThat(off.findOutputs("SlackInteractivityUrl", Map.of())).isEmpty();
    assertThat(app.json().path("Resources").size())
        .isGreaterThan(Synthesized.defaults().json().path("Resources").size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true|''|C056MNOPQR|slackInteractive is true but slackUsers is empty",
        "true|B012ABCDEF|C056MNOPQR|slackUsers must be ids",
        "true|U012ABCDEF|#general|slackChannels must be ids",
        "maybe|U012ABCDEF|C056MNOPQR|'slackInteractive': must be true or false",
      })
  void read_shouldNameTheKey_whenAValueIsBad(
      String interactive, String users, String channels, String message) {
    Map<String, Object> context =
        Map.of("slackInteractive", interactive, "slackUsers", users, "slackChannels", channels);
    assertThatThrownBy(() -> ContextProps.read(context::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static Map<String, Object> statement(Object action, String keys) {
    return Map.of(
        "PolicyDocument",
        Map.of(
            "Statement",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of(
                            "Action",
                            action,
                            "Condition",
                            Map.of(
                                "ForAllValues:StringLike",
                                Map.of("dynamodb:LeadingKeys", List.of(keys)))))))));
  }
}
