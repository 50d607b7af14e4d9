package io.guardwall.infra;

import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

  // The item operations the DynamoDB store and notification log use; no streams, no table admin.
  static final List<String> TABLE_READ_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan");
  static final List<String> TABLE_WRITE_ACTIONS =
      List.of(
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem");
  static final List<String> FIREWALL_ACTIONS =
      List.of("network-firewall:DescribeRuleGroup", "network-firewall:UpdateRuleGroup");

  private final Construct scope;
  private final GuardwallProps props;
  private final ITable table;
  private final String ruleGroupArn;
  private final ISecret secret;
  private final Map<String, String> environment;
  private final Code code;

  Functions(
      Construct scope,
      GuardwallProps props,
      ITable table,
      String ruleGroupArn,
      ISecret secret,
      Map<String, String> environment) {
    this.scope = scope;
    this.props = props;
    this.table = table;
    this.ruleGroupArn = ruleGroupArn;
    this.secret = secret;
    this.environment = environment;
    this.code = code(props);
  }

  Map<Task, Alias> createAll() {
    Map<Task, Alias> aliases = new EnumMap<>(Task.class);
    for (Task task : Task.values()) {
      aliases.put(task, create(task));
    }
    return aliases;
  }

  private Alias create(Task task) {
    Role role = role(task);
    Function function =
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
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            // The reconciler is the rule group's only writer: one invocation at a time.
            .reservedConcurrentExecutions(task == Task.RECONCILE ? 1 : null)
            .build();
    NagFindings.runtimeIsChosen(function);
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "the state machines invoke the live alias of a published version");
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
    if (task.needs(Task.Access.TABLE)) {
      allow(role, TABLE_WRITE_ACTIONS, table.getTableArn());
    }
    if (task.needs(Task.Access.TABLE) || task.needs(Task.Access.TABLE_READ)) {
      allow(role, TABLE_READ_ACTIONS, table.getTableArn());
    }
    if (task.needs(Task.Access.FIREWALL)) {
      allow(role, FIREWALL_ACTIONS, ruleGroupArn);
    }
    if (task.needs(Task.Access.SECRET)) {
      secret.grantRead(role);
    }
    return role;
  }

  private static void allow(Role role, List<String> actions, String resource) {
    role.addToPolicy(
        PolicyStatement.Builder.create().actions(actions).resources(List.of(resource)).build());
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
