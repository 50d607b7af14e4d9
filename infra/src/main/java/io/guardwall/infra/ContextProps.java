package io.guardwall.infra;

import io.guardwall.core.config.ConfigException;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.lambda.Architecture;

/**
 * Reads {@link GuardwallProps} from CDK context: typed values from {@code cdk.json} or strings from
 * {@code cdk -c key=value}; an absent key keeps the default. The configuration's keys are bound by
 * core's schema ({@link ConfigReader#readSettings}); only the deployment's own keys are read here.
 * Stateless and thread-safe.
 */
final class ContextProps {

  /** A flat context key, older than the configuration's nested objects, and the key it sets. */
  record FlatKey(String name, String key) {}

  static final List<FlatKey> FLAT_KEYS =
      List.of(
          new FlatKey("ruleGroupCapacity", "firewall.capacity"),
          new FlatKey("sourcePriority", "firewall.sourcePriority"),
          new FlatKey("destinationPriority", "firewall.destinationPriority"),
          new FlatKey("maxBlockWidthIpv4", "maxBlockWidth.ipv4"),
          new FlatKey("maxBlockWidthIpv6", "maxBlockWidth.ipv6"));

  /** The keys only the deployment has: where things are, and what the functions are. */
  private static final List<String> DEPLOYMENT_KEYS =
      List.of(
          "ruleGroupArn",
          "ruleGroupName",
          "slackSecretName",
          "maintenanceSchedule",
          "alarmTopicArn",
          "chatbotSlackWorkspaceId",
          "chatbotSlackChannelId",
          "lambdaJar",
          "architecture",
          "queueBatchSize",
          "queueBatchWindowSeconds",
          "queueMaxConcurrency",
          "queueMaxReceiveCount",
          "statelessRuleGroup",
          "prefixLists",
          "prefixListMaxEntries",
          "ramPrincipals",
          "statefulRuleOrder",
          "wafScope",
          "slackInteractive",
          "slackUsers",
          "slackChannels");

  /** Every context key this app reads. */
  static final List<String> KEYS =
      Stream.of(
              DEPLOYMENT_KEYS.stream(),
              FLAT_KEYS.stream().map(FlatKey::name),
              ConfigReader.settingKeys().stream())
          .flatMap(keys -> keys)
          .toList();

  private ContextProps() {}

  /**
   * The props the context describes.
   *
   * @throws IllegalArgumentException naming the context key of the first bad value
   */
  static GuardwallProps read(Function<String, Object> context) {
    GuardwallProps.Builder b = GuardwallProps.builder().config(config(context));
    set(context, "ruleGroupArn", ContextProps::text, b::existingRuleGroupArn);
    set(context, "ruleGroupName", ContextProps::text, b::ruleGroupName);
    set(context, "slackSecretName", ContextProps::text, b::slackSecretName);
    set(context, "maintenanceSchedule", ContextProps::text, b::maintenanceSchedule);
    set(context, "alarmTopicArn", ContextProps::text, b::alarmTopicArn);
    set(context, "chatbotSlackWorkspaceId", ContextProps::text, b::chatbotSlackWorkspaceId);
    set(context, "chatbotSlackChannelId", ContextProps::text, b::chatbotSlackChannelId);
    set(context, "lambdaJar", v -> Path.of(text(v)), b::lambdaJar);
    set(context, "architecture", ContextProps::architecture, b::architecture);
    b.queue(queue(context));
    b.enforcement(enforcement(context));
    b.slackInteractivity(slackInteractivity(context));
    try {
      return b.build();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("context: " + e.getMessage(), e);
    }
  }

  /** The configuration the context's configuration keys (and flat keys) describe. */
  static GuardwallConfig config(Function<String, Object> context) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String key : ConfigReader.settingKeys()) {
      putIfGiven(settings, key, context.apply(key));
    }
    FLAT_KEYS.forEach(flat -> putFlat(settings, flat, context.apply(flat.name())));
    try {
      return ConfigReader.readSettings(settings);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("context: " + e.getMessage(), e);
    }
  }

  private static void putIfGiven(Map<String, Object> settings, String key, Object value) {
    if (value != null) {
      settings.put(key, value);
    }
  }

  // Bound alone first, so that a bad value is reported under the name the user wrote.
  private static void putFlat(Map<String, Object> settings, FlatKey flat, Object value) {
    if (value == null) {
      return;
    }
    try {
      ConfigReader.readSettings(Map.of(flat.key(), value));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("context '" + flat.name() + "': " + e.getMessage(), e);
    }
    if (settings.putIfAbsent(flat.key(), value) != null) {
      throw new IllegalArgumentException(
          "context '" + flat.name() + "' and '" + flat.key() + "' set the same key; give one");
    }
  }

  private static <T> void set(
      Function<String, Object> context,
      String key,
      Function<Object, T> convert,
      Consumer<T> setter) {
    // The setter validates too: its errors are named by the key as well.
    converted(
        context,
        key,
        v -> {
          T value = convert.apply(v);
          setter.accept(value);
          return value;
        });
  }

  /** The converted value of {@code key}; empty when absent; a bad value named by its key. */
  private static <T> Optional<T> converted(
      Function<String, Object> context, String key, Function<Object, T> convert) {
    Object value = context.apply(key);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(convert.apply(value));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("context '" + key + "': " + e.getMessage(), e);
    }
  }

  /** The queue settings, each key over the default; a bad value is named by its key. */
  private static QueueSettings queue(Function<String, Object> context) {
    QueueSettings[] q = {QueueSettings.defaults()};
    set(context, "queueBatchSize", ContextProps::integer, n -> q[0] = q[0].withBatchSize(n));
    set(
        context,
        "queueBatchWindowSeconds",
        ContextProps::integer,
        n -> q[0] = q[0].withBatchWindowSeconds(n));
    set(
        context,
        "queueMaxConcurrency",
        ContextProps::integer,
        n -> q[0] = q[0].withMaxConcurrency(n));
    set(
        context,
        "queueMaxReceiveCount",
        ContextProps::integer,
        n -> q[0] = q[0].withMaxReceiveCount(n));
    return q[0];
  }

  /** The enforcement points: each key over the default; a bad value is named by its key. */
  private static EnforcementSettings enforcement(Function<String, Object> context) {
    EnforcementSettings d = EnforcementSettings.statelessOnly();
    boolean stateless = value(context, "statelessRuleGroup", ContextProps::bool, true);
    boolean lists = value(context, "prefixLists", ContextProps::bool, false);
    int maxEntries =
        value(context, "prefixListMaxEntries", ContextProps::integer, d.prefixListMaxEntries());
    List<String> principals = value(context, "ramPrincipals", ContextProps::list, List.of());
    StatefulRuleOrder order = ruleOrder(context);
    EnforcementSettings.@Nullable WafScope waf =
        converted(context, "wafScope", v -> oneOf(EnforcementSettings.WafScope.class, v))
            .orElse(null);
    try {
      return new EnforcementSettings(stateless, lists, maxEntries, principals, order, waf);
    } catch (IllegalArgumentException e) {
      // The settings' messages name the keys.
      throw new IllegalArgumentException("context: " + e.getMessage(), e);
    }
  }

  /** The Slack interaction endpoint; off unless {@code slackInteractive}. */
  private static SlackInteractivity slackInteractivity(Function<String, Object> context) {
    boolean enabled = value(context, "slackInteractive", ContextProps::bool, false);
    List<String> users = value(context, "slackUsers", ContextProps::list, List.of());
    List<String> channels = value(context, "slackChannels", ContextProps::list, List.of());
    try {
      return new SlackInteractivity(enabled, users, channels);
    } catch (IllegalArgumentException e) {
      // The messages name the keys.
      throw new IllegalArgumentException("context: " + e.getMessage(), e);
    }
  }

  /** The converted value of {@code key}, or {@code fallback} when absent. */
  static <T> T value(
      Function<String, Object> context, String key, Function<Object, T> convert, T fallback) {
    return converted(context, key, convert).orElse(fallback);
  }

  /** {@code true}/{@code false}, typed or a string from {@code cdk -c}. */
  static boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (text(v)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got " + v);
    };
  }

  /** A JSON array of strings, or one string of comma-separated items; blanks dropped. */
  static List<String> list(Object v) {
    Stream<?> items = v instanceof List<?> l ? l.stream() : Stream.of(text(v).split(","));
    return items.map(ContextProps::text).filter(item -> !item.isEmpty()).toList();
  }

  /** {@code statefulRuleOrder}: DEFAULT_ACTION_ORDER unless given. */
  static StatefulRuleOrder ruleOrder(Function<String, Object> context) {
    return value(
        context,
        "statefulRuleOrder",
        v -> oneOf(StatefulRuleOrder.class, v),
        StatefulRuleOrder.DEFAULT_ACTION_ORDER);
  }

  /** The constant of {@code type} named exactly by {@code v}. */
  static <E extends Enum<E>> E oneOf(Class<E> type, Object v) {
    String name = text(v);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "must be one of " + Arrays.toString(type.getEnumConstants()) + ", got " + v);
  }

  /** A whole number, typed in cdk.json or a string from {@code cdk -c}. */
  static int integer(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Math.toIntExact(n.longValue());
    }
    if (v instanceof String s && s.trim().matches("[+-]?\\d{1,9}")) {
      return Integer.parseInt(s.trim());
    }
    throw new IllegalArgumentException("must be a whole number, got " + v);
  }

  static String text(Object v) {
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("must be a string, got " + v);
    }
    return s.trim();
  }

  private static Architecture architecture(Object v) {
    return switch (text(v)) {
      case "arm64" -> Architecture.ARM_64;
      case "x86_64" -> Architecture.X86_64;
      default -> throw new IllegalArgumentException("must be arm64 or x86_64, got " + v);
    };
  }
}
