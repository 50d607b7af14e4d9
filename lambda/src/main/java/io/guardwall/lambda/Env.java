package io.guardwall.lambda;

import io.guardwall.core.config.ConfigException;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

  /**
   * The ARN of the stateless rule group the reconciler writes, when {@link #TARGETS} is not set.
   */
  public static final String RULE_GROUP_ARN = "GUARDWALL_RULE_GROUP_ARN";

  /**
   * The enforcement points the reconciler writes: SPECs as {@code --firewall} takes them, separated
   * by spaces (a prefix-list or WAF SPEC holds commas of its own).
   */
  public static final String TARGETS = "GUARDWALL_TARGETS";

  /** The Secrets Manager secret that holds the Slack webhook URL. */
  public static final String SLACK_SECRET = "GUARDWALL_SLACK_SECRET";

  /** The Secrets Manager secret that holds the Slack app's signing secret (interactivity). */
  public static final String SLACK_SIGNING_SECRET = "GUARDWALL_SLACK_SIGNING_SECRET";

  /** The URL of the event queue, where the interaction endpoint puts Slack actions. */
  public static final String EVENT_QUEUE_URL = "GUARDWALL_EVENT_QUEUE_URL";

  /** The Slack user ids allowed to act from Slack, comma-separated; nobody when unset. */
  public static final String SLACK_USERS = "GUARDWALL_SLACK_USERS";

  /** The Slack channel ids actions are allowed from, comma-separated; none when unset. */
  public static final String SLACK_CHANNELS = "GUARDWALL_SLACK_CHANNELS";

  /**
   * {@code true} when a Slack interaction endpoint is deployed: digests then carry the action menus
   * it receives; off when unset.
   */
  public static final String SLACK_BUTTONS = "GUARDWALL_SLACK_BUTTONS";

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

  /** The comma-separated values of {@code name}; none when unset. */
  static Set<String> list(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null
        ? Set.of()
        : Arrays.stream(value.split(",", -1))
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code name} is {@code true}; off when unset or anything else. */
  static boolean flag(Function<String, String> env, String name) {
    return "true".equals(env.apply(name));
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
