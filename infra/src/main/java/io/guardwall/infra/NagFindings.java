package io.guardwall.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/**
 * The cdk-nag AwsSolutions findings guardwall accepts, each on the one resource it concerns and
 * with its reason; stateless.
 */
final class NagFindings {

  private NagFindings() {}

  /** SMG4 on the created Slack secret. */
  static void webhookCannotRotate(IConstruct secret) {
    suppress(
        secret,
        "AwsSolutions-SMG4",
        "A Slack incoming-webhook URL is issued by Slack and cannot be rotated by a Secrets Manager"
            + " rotation function; replace the value when Slack reissues the webhook.");
  }

  /** SMG4 on the Slack signing secret. */
  static void signingSecretCannotRotate(IConstruct secret) {
    suppress(
        secret,
        "AwsSolutions-SMG4",
        "A Slack app's signing secret is issued by Slack and cannot be rotated by a Secrets Manager"
            + " rotation function; replace the value when Slack regenerates it.");
  }

  /** SQS3 on the dead-letter queue. */
  static void isDeadLetterQueue(IConstruct queue) {
    suppress(
        queue,
        "AwsSolutions-SQS3",
        "This queue is itself the dead-letter queue of the event queue and of the EventBridge rule"
            + " targets; an alarm fires as soon as it holds a message.");
  }

  /** L1 on a function: java21 is the chosen runtime. */
  static void runtimeIsChosen(IConstruct function) {
    suppress(
        function,
        "AwsSolutions-L1",
        "java21 is the LTS runtime guardwall is built and tested for (SnapStart, Java 17"
            + " bytecode); moving to a newer runtime is a deliberate, tested upgrade.");
  }

  /** IAM5 {@code Resource::*} on a state machine's role: logs delivery and X-Ray. */
  static void stateMachineServiceWildcards(IConstruct stateMachine) {
    suppressWildcard(
        stateMachine,
        "CloudWatch Logs delivery (logs:*LogDelivery*, logs:PutResourcePolicy,"
            + " logs:Describe*) and X-Ray (xray:PutTraceSegments and friends) have no"
            + " resource-level permissions; the state machine needs them for its"
            + " execution logs and traces.");
  }

  /** IAM5 {@code Resource::*} on a role that reads prefix lists. */
  static void describePrefixListsNeedsWildcard(IConstruct role) {
    suppressWildcard(
        role,
        "ec2:DescribeManagedPrefixLists has no resource-level permissions; the statement allows"
            + " that one read-only action, and reading and modifying entries is scoped to"
            + " guardwall's own lists.");
  }

  private static void suppressWildcard(IConstruct construct, String reason) {
    NagSuppressions.addResourceSuppressions(
        construct,
        List.of(
            NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .appliesTo(List.of("Resource::*"))
                .reason(reason)
                .build()),
        true);
  }

  private static void suppress(IConstruct construct, String id, String reason) {
    NagSuppressions.addResourceSuppressions(
        construct, List.of(NagPackSuppression.builder().id(id).reason(reason).build()), true);
  }
}
