package io.guardwall.core.reconcile;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.plan.HeldAddresses;
import io.guardwall.core.plan.TargetSelection;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.port.TargetSnapshot;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Brings every enforcement point to the whole desired state, one after the other: read the target,
 * re-read the store, select what fits the target's room, and write only when that differs from what
 * it holds (as addresses), retrying conflicts and transient failures. A target that fails is
 * reported by name and the others still converge. Thread-safe: one writer at a time per instance.
 */
public final class TargetsReconciler {

  private final List<EnforcementPoint> targets;
  private final BlocklistStore store;
  private final TargetSelector selector;
  private final Clock clock;
  private final RetryPolicy retry;

  public TargetsReconciler(
      List<EnforcementPoint> targets,
      BlocklistStore store,
      TargetSelector selector,
      Clock clock,
      RetryPolicy retry) {
    this.targets = List.copyOf(targets);
    this.store = Objects.requireNonNull(store, "store");
    this.selector = Objects.requireNonNull(selector, "selector");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * Reconciles every target once.
   *
   * @throws StoreException when the store cannot be read; no target is written after that
   */
  public synchronized TargetsResult reconcile() {
    return new TargetsResult(targets.stream().map(t -> withRetries(t, true)).toList());
  }

  /** Compares every target with the desired state without writing (one read each, no retries). */
  public TargetsResult status() {
    return new TargetsResult(targets.stream().map(t -> once(t, false, 1, 0)).toList());
  }

  private TargetReport withRetries(EnforcementPoint target, boolean write) {
    int conflicts = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(target, write, attempt, conflicts);
      } catch (FirewallRetryableException e) {
        conflicts += e instanceof FirewallConflictException ? 1 : 0;
        if (attempt >= retry.maxAttempts()) {
          return failed(target, attempt, conflicts, "failed after " + attempt + " attempts", e);
        }
        retry.pause(attempt);
      }
    }
  }

  private TargetReport once(EnforcementPoint target, boolean write, int attempt, int conflicts) {
    try {
      return attempt(target, write, attempt, conflicts);
    } catch (FirewallRetryableException e) {
      return failed(target, attempt, conflicts, "failed", e);
    }
  }

  /** One attempt; a failure for good (not a retryable one, not the store's) ends the target. */
  private TargetReport attempt(EnforcementPoint target, boolean write, int attempt, int conflicts) {
    try {
      return tryOnce(target, write, attempt, conflicts);
    } catch (FirewallRetryableException | StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      return failed(target, attempt, conflicts, "failed", e);
    }
  }

  private TargetReport tryOnce(EnforcementPoint target, boolean write, int attempt, int conflicts) {
    TargetSnapshot snapshot = target.read();
    // The desired state is read after the target, inside the loop: a retry after a conflict must
    // include whatever other writers recorded meanwhile.
    List<BlocklistEntry> desired = store.listActive(clock.instant());
    TargetSelection selection = selector.select(desired, snapshot.budget());
    HeldAddresses held = HeldAddresses.of(snapshot.blocked());
    boolean changed = !held.sameAs(selection.blocked());
    if (write && changed) {
      target.apply(snapshot, selection.blocked());
    }
    List<Cidr> heldSorted = snapshot.blocked().stream().sorted().toList();
    return new TargetReport(
        target.name(),
        target.kind(),
        selection.blocked(),
        snapshot.budget(),
        held.notCovering(selection.blocked()),
        HeldAddresses.of(selection.blocked()).notCovering(heldSorted),
        selection.evicted(),
        selection.refused(),
        added(desired, selection, held),
        write && changed,
        attempt,
        conflicts,
        null);
  }

  /**
   * The chosen entries the target did not block before: computed from the target as read, so that
   * of two writers that record the same address, only the one whose write first puts it there
   * reports it.
   */
  private static List<BlocklistEntry> added(
      List<BlocklistEntry> desired, TargetSelection selection, HeldAddresses held) {
    Set<BlocklistEntry> left = new HashSet<>(selection.evicted());
    Set<Cidr> refused = new HashSet<>();
    selection.refused().stream().map(Violation::cidr).forEach(refused::add);
    return desired.stream()
        .filter(e -> !left.contains(e) && !refused.contains(e.cidr()))
        .filter(e -> !held.covers(e.cidr()))
        .toList();
  }

  private static TargetReport failed(
      EnforcementPoint target, int attempt, int conflicts, String what, RuntimeException e) {
    String message =
        target.kind().label() + " " + target.name() + ": " + what + ": " + e.getMessage();
    return TargetReport.failed(target.name(), target.kind(), attempt, conflicts, message);
  }
}
