package io.guardwall.infra;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** The stack of the guardwall CDK app: the construct and its outputs; not thread-safe. */
public class GuardwallStack extends Stack {

  private final GuardwallConstruct guardwall;

  public GuardwallStack(Construct scope, String id, StackProps stackProps, GuardwallProps props) {
    super(scope, id, stackProps);
    this.guardwall = createGuardwall(props);
    createOutputs();
  }

  public GuardwallConstruct getGuardwall() {
    return guardwall;
  }

  private GuardwallConstruct createGuardwall(GuardwallProps props) {
    return new GuardwallConstruct(this, "Guardwall", props);
  }

  private void createOutputs() {
    guardwall
        .getRuleGroupArn()
        .ifPresent(arn -> output("RuleGroupArn", arn, "attach to your firewall policy"));
    guardwall
        .getStatefulRuleGroupArn()
        .ifPresent(
            arn ->
                output(
                    "StatefulRuleGroupArn",
                    arn,
                    "the prefix lists' drop rules: add to your firewall policy's stateful groups"));
    List<String> lists = guardwall.getPrefixListArns();
    if (!lists.isEmpty()) {
      output(
          "PrefixListArns",
          String.join(",", lists),
          "the blocklist's prefix lists (IPv4,IPv6): sharedPrefixListArns of a member stack");
    }
    guardwall
        .getWafRuleGroupArn()
        .ifPresent(arn -> output("WafRuleGroupArn", arn, "add to your web ACL as a rule group"));
    output("TableName", guardwall.getTable().getTableName(), "the blocklist");
    output(
        "NotificationsTableName",
        guardwall.getNotificationsTable().getTableName(),
        "the notification log (which findings were alerted)");
    output("SlackSecretArn", guardwall.getSlackSecret().getSecretArn(), "put the webhook URL here");
    output("EventQueueUrl", guardwall.getEventQueue().getQueueUrl(), "finding events to process");
    output(
        "DeadLetterQueueUrl",
        guardwall.getDeadLetterQueue().getQueueUrl(),
        "failed and undelivered events; redrive with aws sqs start-message-move-task");
    output("AlarmTopicArn", guardwall.getAlarmTopic().getTopicArn(), "every alarm notifies it");
    guardwall
        .getSlackInteractivityUrl()
        .ifPresent(
            url ->
                output("SlackInteractivityUrl", url, "the Slack app's Interactivity Request URL"));
    guardwall
        .getSlackSigningSecret()
        .ifPresent(
            secret ->
                output(
                    "SlackSigningSecretArn",
                    secret.getSecretArn(),
                    "put the Slack app's signing secret here"));
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id)
        .value(value)
        .description("guardwall: " + description)
        .build();
  }
}
