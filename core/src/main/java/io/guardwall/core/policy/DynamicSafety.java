package io.guardwall.core.policy;

import io.guardwall.core.model.Cidr;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The safety rule with the dynamic allow-list added to the configured one, read from its source
 * once and kept until {@link #refresh}: a batch reads the list once, not once per finding.
 * Thread-safe.
 */
public final class DynamicSafety implements Supplier<SafetyRule> {

  private final SafetyRule configured;
  private final Supplier<? extends Collection<Cidr>> allowed;
  private volatile @Nullable SafetyRule current;

  /** The {@code configured} rule extended by what {@code allowed} reads (a store). */
  public DynamicSafety(SafetyRule configured, Supplier<? extends Collection<Cidr>> allowed) {
    this.configured = Objects.requireNonNull(configured, "configured");
    this.allowed = Objects.requireNonNull(allowed, "allowed");
  }

  /** The rule as of the last {@link #refresh}; the first call refreshes. */
  @Override
  public SafetyRule get() {
    SafetyRule rule = current;
    return rule != null ? rule : refresh();
  }

  /**
   * Reads the dynamic allow-list again and returns the new rule.
   *
   * @throws RuntimeException whatever the source throws; the rule in use is then kept
   */
  public SafetyRule refresh() {
    SafetyRule rule = configured.allowing(allowed.get());
    current = rule;
    return rule;
  }
}
