package io.guardwall.lambda;

import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The metrics every reconcile publishes, whichever function ran it: for room and eviction the
 * fullest target's figures, so that one alarm watches them all; stateless.
 */
final class ReconcileMetrics {

  private ReconcileMetrics() {}

  static void publish(MetricsSink metrics, TargetsResult result) {
    double used = result.targets().stream().mapToDouble(ReconcileMetrics::percent).max().orElse(0);
    metrics.put(ReconcileHandler.CAPACITY_METRIC, used, MetricUnit.PERCENT);
    metrics.put(
        ReconcileHandler.EVICTED_METRIC,
        result.targets().stream().mapToInt(t -> t.evicted().size()).max().orElse(0),
        MetricUnit.COUNT);
    metrics.put(
        "EntriesRefused",
        result.targets().stream().mapToInt(t -> t.refused().size()).max().orElse(0),
        MetricUnit.COUNT);
    metrics.put(
        "ReconcileConflicts",
        result.targets().stream().mapToInt(TargetReport::conflicts).sum(),
        MetricUnit.COUNT);
    metrics.put(ReconcileHandler.TARGETS_FAILED_METRIC, result.failures().size(), MetricUnit.COUNT);
  }

  /** How much of its room the target's CIDRs take; 0 for a target not read. */
  private static double percent(TargetReport t) {
    CidrBudget room = t.budget();
    return room == null || room.total() == 0 ? 0 : 100.0 * t.blocked().size() / room.total();
  }
}
