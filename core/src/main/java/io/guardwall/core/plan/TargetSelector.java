package io.guardwall.core.plan;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.policy.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses what an enforcement point blocks: the desired entries that pass the safety rule, merged
 * exactly and fitted to the target's room in the eviction order {@link CapacityFit} documents.
 * Thread-safe.
 */
public final class TargetSelector {

  private final SafetyRule safety;

  public TargetSelector(SafetyRule safety) {
    this.safety = Objects.requireNonNull(safety, "safety");
  }

  /** The selection of {@code desired} (active) entries for a target with room {@code budget}. */
  public TargetSelection select(List<BlocklistEntry> desired, CidrBudget budget) {
    List<Violation> refused = new ArrayList<>();
    List<BlocklistEntry> safe = new ArrayList<>(desired.size());
    for (BlocklistEntry entry : desired) {
      Objects.requireNonNull(entry, "desired contains null");
      safety.check(entry.cidr()).ifPresentOrElse(refused::add, () -> safe.add(entry));
    }
    CapacityFit fit = CapacityFit.of(safe, budget);
    fit.blocked().forEach(this::requireSafe);
    return new TargetSelection(fit.blocked(), fit.evicted(), refused);
  }

  /**
   * Merging only ever joins blocks that were each allowed, so a merged block that breaks the rule
   * (width aside: adjacent entries may merge wider) is a bug: fail rather than render it.
   */
  private void requireSafe(Cidr merged) {
    safety
        .check(merged)
        .filter(v -> v.kind() != Violation.Kind.TOO_WIDE)
        .ifPresent(
            v -> {
              throw new IllegalStateException("refusing to render " + v.message());
            });
  }
}
