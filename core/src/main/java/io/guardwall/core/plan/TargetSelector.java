package io.guardwall.core.plan;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.policy.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Chooses what an enforcement point blocks: the desired entries that pass the safety rule, merged
 * exactly and fitted to the target's room in the eviction order {@link CapacityFit} documents.
 * Thread-safe.
 */
public final class TargetSelector {

  private final Supplier<SafetyRule> safety;

  public TargetSelector(SafetyRule safety) {
    this(constant(safety));
  }

  /** A selector judging by the rule {@code safety} supplies at each selection. */
  public TargetSelector(Supplier<SafetyRule> safety) {
    this.safety = Objects.requireNonNull(safety, "safety");
  }

  private static Supplier<SafetyRule> constant(SafetyRule safety) {
    Objects.requireNonNull(safety, "safety");
    return () -> safety;
  }

  /** The selection of {@code desired} (active) entries for a target with room {@code budget}. */
  public TargetSelection select(List<BlocklistEntry> desired, CidrBudget budget) {
    SafetyRule rule = safety.get();
    List<Violation> refused = new ArrayList<>();
    List<BlocklistEntry> safe = new ArrayList<>(desired.size());
    for (BlocklistEntry entry : desired) {
      Objects.requireNonNull(entry, "desired contains null");
      rule.check(entry.cidr()).ifPresentOrElse(refused::add, () -> safe.add(entry));
    }
    CapacityFit fit = CapacityFit.of(safe, budget);
    fit.blocked().forEach(merged -> requireSafe(rule, merged));
    return new TargetSelection(fit.blocked(), fit.evicted(), refused);
  }

  /**
   * Merging only ever joins blocks that were each allowed, so a merged block that breaks the rule
   * (width aside: adjacent entries may merge wider) is a bug: fail rather than render it.
   */
  private static void requireSafe(SafetyRule rule, Cidr merged) {
    rule.check(merged)
        .filter(v -> v.kind() != Violation.Kind.TOO_WIDE)
        .ifPresent(
            v -> {
              throw new IllegalStateException("refusing to render " + v.message());
            });
  }
}
