package io.guardwall.core.local;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.plan.StatelessCapacity;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An enforcement point held in memory, with the optimistic locking of the real ones: the target of
 * dry runs that keep no state. Thread-safe.
 */
public final class DryRunTarget implements EnforcementPoint {

  private final String name;
  private final CidrBudget budget;
  private Set<Cidr> blocked = Set.of();
  private String version = UUID.randomUUID().toString();
  private int writes;

  public DryRunTarget(CidrBudget budget) {
    this("dry-run", budget);
  }

  /** A target named {@code name}: a run with several dry-run targets names each apart. */
  public DryRunTarget(String name, CidrBudget budget) {
    this.name = Objects.requireNonNull(name, "name");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /**
   * A target with the room of an empty stateless rule group of {@code capacity} units (each CIDR
   * costs two), as the dry run's rule group had.
   *
   * @throws IllegalArgumentException when capacity is not positive
   */
  public static DryRunTarget ofCapacity(int capacity) {
    return new DryRunTarget(StatelessCapacity.ofEmptyGroup(capacity));
  }

  @Override
  public String name() {
    return name;
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
