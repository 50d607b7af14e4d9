package io.guardwall.core.local;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An enforcement point held in memory, with the optimistic locking of the real ones: the target of
 * dry runs that keep no state. Thread-safe.
 */
public final class DryRunTarget implements EnforcementPoint {

  private final CidrBudget budget;
  private Set<Cidr> blocked = Set.of();
  private String version = UUID.randomUUID().toString();
  private int writes;

  public DryRunTarget(CidrBudget budget) {
    this.budget = budget;
  }

  @Override
  public String name() {
    return "dry-run";
  }

  @Override
  public TargetKind kind() {
    return TargetKind.DRY_RUN;
  }

  @Override
  public synchronized TargetSnapshot read() {
    return new TargetSnapshot(blocked, budget, version);
  }

  @Override
  public synchronized void apply(TargetSnapshot base, List<Cidr> cidrs) {
    if (!version.equals(base.version())) {
      throw new FirewallConflictException("the dry-run target changed since it was read", null);
    }
    base.requireFits(cidrs);
    blocked = Set.copyOf(cidrs);
    version = UUID.randomUUID().toString();
    writes++;
  }

  /** How many writes happened. */
  public synchronized int writes() {
    return writes;
  }
}
