package io.guardwall.core.flow;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.reconcile.TargetsResult;
import java.util.List;
import java.util.Objects;

/** One maintenance run: the expired entries it deleted, then the reconcile; immutable. */
public record Maintenance(List<BlocklistEntry> pruned, TargetsResult reconcile) {

  public Maintenance {
    pruned = List.copyOf(pruned);
    Objects.requireNonNull(reconcile, "reconcile");
  }
}
