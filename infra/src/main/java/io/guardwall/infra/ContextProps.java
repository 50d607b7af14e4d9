package io.guardwall.infra;

import io.guardwall.core.model.SeverityLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awscdk.services.lambda.Architecture;

/**
 * Reads {@link GuardwallProps} from CDK context: typed values from {@code cdk.json} or strings from
 * {@code cdk -c key=value}; an absent key keeps the default. Stateless and thread-safe.
 */
final class ContextProps {

  /** The context keys this app reads, in the order the README documents them. */
  static final List<String> KEYS =
      List.of(
          "ruleGroupArn",
          "ruleGroupCapacity",
          "ruleGroupName",
          "sourcePriority",
          "destinationPriority",
          "blockDuration",
          "allowList",
          "notifyThreshold",
          "apiBlockThreshold",
          "accounts",
          "blockSamples",
          "blockVictims",
          "notificationMemory",
          "maxBlockWidthIpv4",
          "maxBlockWidthIpv6",
          "slackSecretName",
          "maintenanceSchedule",
          "alarmTopicArn",
          "lambdaJar",
          "architecture");

  private ContextProps() {}

  /**
   * The props the context describes.
   *
   * @throws IllegalArgumentException naming the context key of the first bad value
   */
  static GuardwallProps read(Function<String, Object> context) {
    GuardwallProps.Builder b = GuardwallProps.builder();
    set(context, "ruleGroupArn", ContextProps::text, b::existingRuleGroupArn);
    set(context, "ruleGroupCapacity", ContextProps::integer, b::ruleGroupCapacity);
    set(context, "ruleGroupName", ContextProps::text, b::ruleGroupName);
    set(context, "sourcePriority", ContextProps::integer, b::sourcePriority);
    set(context, "destinationPriority", ContextProps::integer, b::destinationPriority);
    set(context, "blockDuration", ContextProps::duration, b::blockDuration);
    set(context, "allowList", ContextProps::list, b::allowList);
    set(context, "notifyThreshold", ContextProps::severity, b::notifyThreshold);
    set(context, "apiBlockThreshold", ContextProps::severity, b::apiBlockThreshold);
    set(context, "accounts", ContextProps::list, b::accounts);
    set(context, "blockSamples", ContextProps::bool, b::blockSamples);
    set(context, "blockVictims", ContextProps::bool, b::blockVictims);
    set(context, "notificationMemory", ContextProps::duration, b::notificationMemory);
    set(context, "maxBlockWidthIpv4", ContextProps::integer, b::maxBlockWidthIpv4);
    set(context, "maxBlockWidthIpv6", ContextProps::integer, b::maxBlockWidthIpv6);
    set(context, "slackSecretName", ContextProps::text, b::slackSecretName);
    set(context, "maintenanceSchedule", ContextProps::text, b::maintenanceSchedule);
    set(context, "alarmTopicArn", ContextProps::text, b::alarmTopicArn);
    set(context, "lambdaJar", v -> Path.of(text(v)), b::lambdaJar);
    set(context, "architecture", ContextProps::architecture, b::architecture);
    try {
      return b.build();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("context: " + e.getMessage(), e);
    }
  }

  private static <T> void set(
      Function<String, Object> context,
      String key,
      Function<Object, T> convert,
      Consumer<T> setter) {
    Object value = context.apply(key);
    if (value == null) {
      return;
    }
    try {
      setter.accept(convert.apply(value));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("context '" + key + "': " + e.getMessage(), e);
    }
  }

  private static String text(Object v) {
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("must be a string, got " + v);
    }
    return s.trim();
  }

  private static int integer(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Math.toIntExact(n.longValue());
    }
    try {
      return Integer.parseInt(text(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be an integer, got " + v, e);
    }
  }

  private static boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (text(v).toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got " + v);
    };
  }

  private static Duration duration(Object v) {
    try {
      return Duration.parse(text(v));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 duration such as PT12H: " + v, e);
    }
  }

  private static SeverityLevel severity(Object v) {
    return SeverityLevel.parse(text(v));
  }

  /** A JSON array, or a comma-separated string (how {@code -c key=a,b} arrives). */
  private static List<String> list(Object v) {
    if (v instanceof Collection<?> items) {
      return items.stream().map(ContextProps::text).toList();
    }
    return Arrays.stream(text(v).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Architecture architecture(Object v) {
    return switch (text(v)) {
      case "arm64" -> Architecture.ARM_64;
      case "x86_64" -> Architecture.X86_64;
      default -> throw new IllegalArgumentException("must be arm64 or x86_64, got " + v);
    };
  }
}
