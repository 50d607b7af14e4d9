package io.guardwall.infra;

import io.guardwall.core.config.ConfigWriter;
import io.guardwall.core.config.GuardwallConfig;
import java.util.Map;

/** The environment variables every function gets; the Lambda handlers read the same names. */
final class FunctionEnvironment {

  static final String TABLE = "GUARDWALL_TABLE";
  static final String RULE_GROUP_ARN = "GUARDWALL_RULE_GROUP_ARN";
  static final String SLACK_SECRET = "GUARDWALL_SLACK_SECRET";
  static final String CONFIG = "GUARDWALL_CONFIG";
  static final String SERVICE_NAME = "guardwall";

  private FunctionEnvironment() {}

  static Map<String, String> of(
      String tableName, String ruleGroupArn, String secretId, GuardwallConfig config) {
    return Map.of(
        TABLE,
        tableName,
        RULE_GROUP_ARN,
        ruleGroupArn,
        SLACK_SECRET,
        secretId,
        CONFIG,
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
