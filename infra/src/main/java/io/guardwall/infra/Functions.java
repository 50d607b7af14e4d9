package io.guardwall.infra;

import static io.guardwall.aws.DynamoDbSchema.AUDIT_INDEX;

import io.guardwall.aws.DynamoDbSchema;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * Builds the functions of {@link Task}, each with its own role scoped to what it touches, its own
 * log group and a {@code live} alias on a published version (SnapStart restores published versions
 * only); not thread-safe (construct trees are not).
 */
final class Functions {

  static final String ALIAS = "live";
  static final int MEMORY_MB = 1024;

  // Exactly the calls the adapters make: DynamoDbBlocklistStore upserts with UpdateItem (and
  // re-reads a torn item with GetItem), lists with Scan, prunes with DeleteItem;
  // DynamoDbNotificationLog only ever calls UpdateItem.
  static final List<String> RECORD_ACTIONS = List.of("dynamodb:UpdateItem", "dynamodb:GetItem");
  static final List<String> SCAN_ACTIONS = List.of("dynamodb:Scan");
  static final List<String> ALLOW_LIST_ACTIONS = List.of("dynamodb:GetItem");
  static final List<String> PRUNE_ACTIONS = List.of("dynamodb:DeleteItem");
  static final List<String> NOTIFICATION_ACTIONS = List.of("dynamodb:UpdateItem");
  static final List<String> ALLOW_LIST_WRITE_ACTIONS = List.of("dynamodb:UpdateItem");

  /** An audit record is put before the action and updated after it. */
  static final List<String> AUDIT_ACTIONS = List.of("dynamodb:PutItem", "dynamodb:UpdateItem");

  /** The mark of what the digest reported and the audit layout marker: read, then put. */
  static final List<String> REPORTED_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem");

  /** History reads the audit index. */
  static final List<String> AUDIT_QUERY_ACTIONS = List.of("dynamodb:Query");

  /** Records written before the audit index are given its key, once. */
  static final List<String> AUDIT_MIGRATE_ACTIONS = List.of("dynamodb:UpdateItem");

  private final Construct scope;
  private final GuardwallProps props;
  private final ITable blocklist;
  private final ITable notifications;
  private final EnforcementTargets targets;
  private final ISecret secret;
  private final Map<String, String> environment;
  private final @Nullable SlackEndpoint slack;
  private final Code code;

  Functions(
      Construct scope,
      GuardwallProps props,
      ITable blocklist,
      ITable notifications,
      EnforcementTargets targets,
      ISecret secret,
      Map<String, String> environment,
      @Nullable SlackEndpoint slack) {
    this.scope = scope;
    this.props = props;
    this.blocklist = blocklist;
    this.notifications = notifications;
    this.targets = targets;
    this.secret = secret;
    this.environment = environment;
    this.slack = slack;
    this.code = code(props);
  }

  Map<Task, Alias> createAll() {
    Map<Task, Alias> aliases = new EnumMap<>(Task.class);
    for (Task task : Task.deployed(props.slackInteractivity())) {
      aliases.put(task, create(task));
    }
    return aliases;
  }

  private Alias create(Task task) {
    Role role = role(task);
    Function.Builder builder =
        Function.Builder.create(scope, task.id() + "Function")
            .description(task.description())
            .runtime(Runtime.JAVA_21)
            .architecture(props.architecture())
            .memorySize(MEMORY_MB)
            .timeout(task.timeout())
            .handler(task.handler())
            .code(code)
            .role(role)
            .logGroup(logGroup(task, role))
            .environment(environment)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
    if (task == Task.INTERACTION) {
      builder.reservedConcurrentExecutions(SlackEndpoint.RESERVED_CONCURRENCY);
    }
    Function function = builder.build();
    NagFindings.runtimeIsChosen(function);
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "the state machine and the queue's event source invoke the live alias of a published"
                + " version");
    return Alias.Builder.create(scope, task.id() + "Alias")
        .aliasName(ALIAS)
        .version(function.getCurrentVersion())
        .build();
  }

  private Role role(Task task) {
    Role role =
        Role.Builder.create(scope, task.id() + "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("guardwall " + task.id() + " function")
            .build();
    if (task.needs(Task.Access.RECORD)) {
      allowKeys(role, RECORD_ACTIONS, blocklist, DynamoDbSchema.CIDR_PREFIX);
    }
    if (task.needs(Task.Access.PRUNE)) {
      allowKeys(role, PRUNE_ACTIONS, blocklist, DynamoDbSchema.CIDR_PREFIX);
    }
    if (task.needs(Task.Access.RECORD)
        || task.needs(Task.Access.SCAN)
        || task.needs(Task.Access.PRUNE)) {
      allow(role, SCAN_ACTIONS, blocklist.getTableArn());
      // Every path that blocks or renders reads the dynamic allow-list, once per batch.
      allowKeys(role, ALLOW_LIST_ACTIONS, blocklist, DynamoDbSchema.ALLOW_LIST_KEY);
    }
    if (task.needs(Task.Access.REPORT)) {
      // The audit trail is read from its index; the scan and the updates of audit records run
      // once per table, when the first read finds no layout marker (DynamoDbAuditTrail).
      allow(role, AUDIT_QUERY_ACTIONS, blocklist.getTableArn() + "/index/" + AUDIT_INDEX);
      allow(role, SCAN_ACTIONS, blocklist.getTableArn());
      allowKeys(role, AUDIT_MIGRATE_ACTIONS, blocklist, DynamoDbSchema.AUDIT_PREFIX);
      allowKeys(
          role,
          REPORTED_ACTIONS,
          blocklist,
          DynamoDbSchema.AUDIT_REPORTED_KEY,
          DynamoDbSchema.AUDIT_LAYOUT_KEY);
    }
    if (task.needs(Task.Access.NOTIFICATIONS)) {
      allowKeys(
          role,
          NOTIFICATION_ACTIONS,
          notifications,
          DynamoDbSchema.FINDING_PREFIX,
          DynamoDbSchema.FINDING_HASH_PREFIX);
    }
    if (task.needs(Task.Access.FIREWALL)) {
      targets.grantTo(role);
    }
    if (task.needs(Task.Access.SECRET)) {
      secret.grantRead(role);
    }
    if (slack != null) {
      grantSlack(task, role, slack);
    }
    return role;
  }

  private void grantSlack(Task task, Role role, SlackEndpoint endpoint) {
    if (task.needs(Task.Access.INTERACT)) {
      endpoint.grantInteract(role, notifications);
    }
    if (task.needs(Task.Access.ACT)) {
      // Slack's Unblock deletes the entry; Allow writes the allow-list item; each is audited.
      allowKeys(role, PRUNE_ACTIONS, blocklist, DynamoDbSchema.CIDR_PREFIX);
      allowKeys(role, ALLOW_LIST_WRITE_ACTIONS, blocklist, DynamoDbSchema.ALLOW_LIST_KEY);
      allowKeys(role, AUDIT_ACTIONS, blocklist, DynamoDbSchema.AUDIT_PREFIX);
    }
  }

  private static void allow(Role role, List<String> actions, String resource) {
    role.addToPolicy(
        PolicyStatement.Builder.create().actions(actions).resources(List.of(resource)).build());
  }

  /** Item operations on {@code table}, only on items whose key starts with one of the prefixes. */
  static void allowKeys(Role role, List<String> actions, ITable table, String... prefixes) {
    List<String> keys = Arrays.stream(prefixes).map(p -> p + "*").toList();
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(actions)
            .resources(List.of(table.getTableArn()))
            .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", keys)))
            .build());
  }

  private LogGroup logGroup(Task task, Role role) {
    LogGroup group =
        LogGroup.Builder.create(scope, task.id() + "Logs")
            .retention(RetentionDays.THREE_MONTHS)
            .build();
    group.grantWrite(role);
    return group;
  }

  private static Code code(GuardwallProps props) {
    if (!Files.isRegularFile(props.lambdaJar())) {
      throw new IllegalArgumentException(
          "Lambda jar not found: "
              + props.lambdaJar().toAbsolutePath()
              + " (build it with: mvn -B package -pl lambda -am)");
    }
    return Code.fromAsset(props.lambdaJar().toString());
  }
}
