package io.guardwall.lambda;

import io.guardwall.core.config.ConfigException;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import java.util.function.Function;

/**
 * The environment every function reads: the one definition of the variable names, which the CDK
 * stack imports to set them. Stateless and thread-safe.
 */
public final class Env {

  /** The DynamoDB table of the blocklist. */
  public static final String TABLE = "GUARDWALL_TABLE";

  /**
   * The DynamoDB table of the notification log: a table of its own, so that a reconcile's scan of
   * the blocklist never reads notification records.
   */
  public static final String NOTIFICATIONS_TABLE = "GUARDWALL_NOTIFICATIONS_TABLE";

  /** The ARN of the stateless rule group the reconciler writes. */
  public static final String RULE_GROUP_ARN = "GUARDWALL_RULE_GROUP_ARN";

  /** The Secrets Manager secret that holds the Slack webhook URL. */
  public static final String SLACK_SECRET = "GUARDWALL_SLACK_SECRET";

  /** guardwall's configuration as JSON; the defaults when unset. */
  public static final String CONFIG = "GUARDWALL_CONFIG";

  private Env() {}

  /** The value of {@code name}; an error naming it when unset or blank. */
  static String required(Function<String, String> env, String name) {
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  /** The configuration in {@link #CONFIG}; the defaults when unset. */
  static GuardwallConfig config(Function<String, String> env) {
    String json = env.apply(CONFIG);
    if (json == null || json.isBlank()) {
      return GuardwallConfig.defaults();
    }
    try {
      return ConfigReader.parse(json);
    } catch (ConfigException e) {
      throw new IllegalStateException(CONFIG + ": " + e.getMessage(), e);
    }
  }
}
