package io.guardwall.aws;

import io.guardwall.core.text.Excerpt;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where guardwall's rules live in the stateless rule group and what they do: the priority of the
 * rule matching blocked addresses as sources, of the one matching them as destinations, and the
 * custom action that publishes a CloudWatch metric; immutable, validated and thread-safe.
 */
public record RuleGroupLayout(
    int sourcePriority,
    int destinationPriority,
    String customActionName,
    String metricDimensionValue) {

  // Network Firewall's documented limits for Priority, ActionName and a metric dimension value.
  static final int MIN_PRIORITY = 1;
  static final int MAX_PRIORITY = 65535;
  private static final Pattern ACTION_NAME = Pattern.compile("[a-zA-Z0-9]{1,128}");
  private static final Pattern DIMENSION_VALUE = Pattern.compile("[a-zA-Z0-9_ -]{1,128}");

  public RuleGroupLayout {
    requirePriority(sourcePriority, "sourcePriority");
    requirePriority(destinationPriority, "destinationPriority");
    if (sourcePriority == destinationPriority) {
      throw new IllegalArgumentException(
          "sourcePriority and destinationPriority must differ, both are " + sourcePriority);
    }
    requireMatch(customActionName, ACTION_NAME, "customActionName", "1-128 letters or digits");
    requireMatch(
        metricDimensionValue,
        DIMENSION_VALUE,
        "metricDimensionValue",
        "1-128 letters, digits, spaces, '-' or '_'");
  }

  /** The layout the configuration's firewall settings name. */
  public static RuleGroupLayout of(io.guardwall.core.config.FirewallSettings settings) {
    return new RuleGroupLayout(
        settings.sourcePriority(),
        settings.destinationPriority(),
        settings.customActionName(),
        settings.metricDimension());
  }

  /**
   * Priorities 30000 and 30100, custom action {@code GuardwallBlocked}, dimension {@code
   * guardwall}.
   */
  public static RuleGroupLayout defaults() {
    return new RuleGroupLayout(30000, 30100, "GuardwallBlocked", "guardwall");
  }

  /** Whether the rule at {@code priority} is one of guardwall's. */
  boolean owns(int priority) {
    return priority == sourcePriority || priority == destinationPriority;
  }

  private static void requirePriority(int priority, String name) {
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException(
          name + " must be in " + MIN_PRIORITY + ".." + MAX_PRIORITY + ": " + priority);
    }
  }

  private static void requireMatch(String value, Pattern pattern, String name, String expected) {
    Objects.requireNonNull(value, name);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be " + expected + ": " + Excerpt.quoted(value));
    }
  }
}
