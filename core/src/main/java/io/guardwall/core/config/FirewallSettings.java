package io.guardwall.core.config;

import java.util.Objects;

/**
 * Where guardwall's two rules sit in the stateless rule group and what they publish; immutable.
 *
 * @param capacity the capacity of the dry-run rule group (a real group reports its own)
 */
public record FirewallSettings(
    int sourcePriority,
    int destinationPriority,
    String customActionName,
    String metricDimension,
    int capacity) {

  /** Network Firewall's largest stateless rule group capacity. */
  private static final int MAX_CAPACITY = 30_000;

  public FirewallSettings {
    requirePriority(sourcePriority, "sourcePriority");
    requirePriority(destinationPriority, "destinationPriority");
    if (sourcePriority == destinationPriority) {
      throw new IllegalArgumentException("sourcePriority and destinationPriority must differ");
    }
    requireName(customActionName, "customActionName");
    requireName(metricDimension, "metricDimension");
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be 1-" + MAX_CAPACITY + ": " + capacity);
    }
  }

  public static FirewallSettings defaults() {
    return new FirewallSettings(30000, 30100, "GuardwallBlocked", "guardwall", 10_000);
  }

  private static void requirePriority(int p, String name) {
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException(name + " must be 1-65535: " + p);
    }
  }

  // Network Firewall action names and dimension values: letters, digits, '-' and '_'.
  private static void requireName(String value, String name) {
    Objects.requireNonNull(value, name);
    if (!value.matches("[A-Za-z0-9_-]{1,128}")) {
      throw new IllegalArgumentException(name + " must be 1-128 of [A-Za-z0-9_-]: " + value);
    }
  }
}
