package io.guardwall.core.reconcile;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.plan.RuleGroupPlan;
import io.guardwall.core.plan.RuleGroupPlanner;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.FirewallSnapshot;
import java.time.Clock;
import java.util.List;

/**
 * Brings the firewall to the whole desired state: describe, re-read the store, render, and write
 * only when something differs, retrying conflicts and transient failures. Thread-safe: one writer
 * at a time per instance.
 */
public final class Reconciler {

  private final Firewall firewall;
  private final BlocklistStore store;
  private final RuleGroupPlanner planner;
  private final Clock clock;
  private final RetryPolicy retry;

  public Reconciler(
      Firewall firewall,
      BlocklistStore store,
      RuleGroupPlanner planner,
      Clock clock,
      RetryPolicy retry) {
    this.firewall = firewall;
    this.store = store;
    this.planner = planner;
    this.clock = clock;
    this.retry = retry;
  }

  /**
   * Reconciles once.
   *
   * @throws ReconcileException when the retries are exhausted; the store is untouched, so a later
   *     run repairs the firewall
   */
  public synchronized ReconcileResult reconcile() {
    int conflicts = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(attempt, conflicts);
      } catch (FirewallRetryableException e) {
        conflicts += e instanceof FirewallConflictException ? 1 : 0;
        if (attempt >= retry.maxAttempts()) {
          throw new ReconcileException(
              "firewall update failed after " + attempt + " attempts: " + e.getMessage(), e);
        }
        retry.pause(attempt);
      }
    }
  }

  private ReconcileResult attempt(int attempt, int conflicts) {
    FirewallSnapshot snapshot = firewall.describe();
    // The desired state is read after the describe, inside the loop: a retry after a conflict
    // must include whatever other writers recorded meanwhile.
    List<BlocklistEntry> desired = store.listActive(clock.instant());
    RuleGroupPlan plan = planner.plan(desired, snapshot.ruleGroup(), snapshot.capacity());
    if (plan.changed()) {
      firewall.update(snapshot, plan.ruleGroup());
    }
    return new ReconcileResult(plan, plan.changed(), attempt, conflicts);
  }
}
