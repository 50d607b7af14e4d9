package io.guardwall.infra;

import io.guardwall.aws.DynamoDbSchema;
import io.guardwall.lambda.Env;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The Slack interaction endpoint's parts: the signing secret, what its function and the queue
 * function may do, and the public function URL; immutable, not thread-safe (construct trees are
 * not).
 *
 * @param signingSecret holds the Slack app's signing secret, filled in after deploy
 * @param eventQueue where the endpoint puts actions for the queue function
 * @param settings who may act, where
 */
record SlackEndpoint(ISecret signingSecret, IQueue eventQueue, SlackInteractivity settings) {

  /** The throttle: Slack posts one request per click; more at once is not Slack. */
  static final int RESERVED_CONCURRENCY = 5;

  static final List<String> REPLAY_ACTIONS = List.of("dynamodb:PutItem");

  /** The endpoint's parts, with a new, empty signing secret. */
  static SlackEndpoint create(Construct scope, IQueue eventQueue, SlackInteractivity settings) {
    Secret secret =
        GuardwallConstruct.secretToFillIn(
            scope, "SlackSigningSecret", "the Slack app's signing secret (Basic Information)");
    NagFindings.signingSecretCannotRotate(secret);
    return new SlackEndpoint(secret, eventQueue, settings);
  }

  /** The variables the functions read: the endpoint's, and the flag that turns the menus on. */
  Map<String, String> environment() {
    return Map.of(
        Env.SLACK_SIGNING_SECRET, signingSecret.getSecretArn(),
        Env.EVENT_QUEUE_URL, eventQueue.getQueueUrl(),
        Env.SLACK_USERS, String.join(",", settings.users()),
        Env.SLACK_CHANNELS, String.join(",", settings.channels()),
        Env.SLACK_BUTTONS, "true");
  }

  /** The endpoint function's access: the signing secret, replay records, the event queue. */
  void grantInteract(Role role, ITable notifications) {
    signingSecret.grantRead(role);
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("sqs:SendMessage"))
            .resources(List.of(eventQueue.getQueueArn()))
            .build());
    Functions.allowKeys(role, REPLAY_ACTIONS, notifications, DynamoDbSchema.SLACK_REQUEST_PREFIX);
  }

  /**
   * The public URL Slack posts to. Auth NONE: Slack cannot sign AWS requests; the handler checks
   * Slack's signature on every request, which is the authentication.
   */
  static FunctionUrl url(Alias alias) {
    FunctionUrl url =
        alias.addFunctionUrl(
            FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE).build());
    return url;
  }
}
