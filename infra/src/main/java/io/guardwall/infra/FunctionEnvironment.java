package io.guardwall.infra;

import io.guardwall.core.config.ConfigWriter;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.lambda.Env;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The environment variables every function gets, under the names the handlers define in {@link
 * Env}.
 */
final class FunctionEnvironment {

  static final String SERVICE_NAME = "guardwall";

  /**
   * The enforcement points, SPECs separated by spaces ({@link Env#TARGETS}); set only when more
   * than the stateless rule group is fed, so a deployment without the new options keeps its
   * template.
   */
  static final String TARGETS = Env.TARGETS;

  private FunctionEnvironment() {}

  static Map<String, String> of(
      String tableName,
      String notificationsTableName,
      EnforcementTargets targets,
      String secretId,
      GuardwallConfig config,
      @Nullable SlackEndpoint slack) {
    Map<String, String> env =
        new HashMap<>(common(tableName, notificationsTableName, secretId, config));
    if (slack != null) {
      env.putAll(slack.environment());
    }
    String ruleGroupArn = targets.ruleGroupArn();
    if (ruleGroupArn != null) {
      env.put(Env.RULE_GROUP_ARN, ruleGroupArn);
    }
    if (targets.prefixLists() != null || targets.waf() != null) {
      env.put(TARGETS, targets.spec());
    }
    return Map.copyOf(env);
  }

  private static Map<String, String> common(
      String tableName, String notificationsTableName, String secretId, GuardwallConfig config) {
    return Map.of(
        Env.TABLE,
        tableName,
        Env.NOTIFICATIONS_TABLE,
        notificationsTableName,
        Env.SLACK_SECRET,
        secretId,
        Env.CONFIG,
        ConfigWriter.write(config),
        "POWERTOOLS_SERVICE_NAME",
        SERVICE_NAME,
        "POWERTOOLS_METRICS_NAMESPACE",
        Alarms.NAMESPACE,
        // C1 only: the functions are short; full JIT warm-up costs more than it saves.
        "JAVA_TOOL_OPTIONS",
        "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
  }
}
