package io.guardwall.core.reconcile;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reconcile of every enforcement point did, target by target in the order configured;
 * immutable.
 */
public record TargetsResult(List<TargetReport> targets) {

  public TargetsResult {
    targets = List.copyOf(targets);
  }

  /**
   * The entries newly blocked at any target, each CIDR once (the first target's entry), in the
   * order met: what a digest reports.
   */
  public List<BlocklistEntry> added() {
    Map<Cidr, BlocklistEntry> union = new LinkedHashMap<>();
    targets.forEach(t -> t.added().forEach(e -> union.putIfAbsent(e.cidr(), e)));
    return new ArrayList<>(union.values());
  }

  /** The targets that could not be reconciled. */
  public List<TargetReport> failures() {
    return targets.stream().filter(TargetReport::failed).toList();
  }

  /** Whether any target was written. */
  public boolean updated() {
    return targets.stream().anyMatch(TargetReport::updated);
  }
}
