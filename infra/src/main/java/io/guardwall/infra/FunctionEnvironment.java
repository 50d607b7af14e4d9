package io.guardwall.infra;

import io.guardwall.core.config.ConfigWriter;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.lambda.Env;
import java.util.Map;

/**
 * The environment variables every function gets, under the names the handlers define in {@link
 * Env}.
 */
final class FunctionEnvironment {

  static final String SERVICE_NAME = "guardwall";

  private FunctionEnvironment() {}

  static Map<String, String> of(
      String tableName,
      String notificationsTableName,
      String ruleGroupArn,
      String secretId,
      GuardwallConfig config) {
    return Map.of(
        Env.TABLE,
        tableName,
        Env.NOTIFICATIONS_TABLE,
        notificationsTableName,
        Env.RULE_GROUP_ARN,
        ruleGroupArn,
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
