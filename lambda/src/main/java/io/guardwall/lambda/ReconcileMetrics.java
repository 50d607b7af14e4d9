package io.guardwall.lambda;

import io.guardwall.core.plan.RuleGroupPlan;
import io.guardwall.core.reconcile.ReconcileResult;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** The metrics every reconcile publishes, whichever function ran it; stateless. */
final class ReconcileMetrics {

  private ReconcileMetrics() {}

  static void publish(MetricsSink metrics, ReconcileResult result) {
    RuleGroupPlan plan = result.plan();
    metrics.put(ReconcileHandler.CAPACITY_METRIC, percent(plan), MetricUnit.PERCENT);
    metrics.put(ReconcileHandler.EVICTED_METRIC, plan.evicted().size(), MetricUnit.COUNT);
    metrics.put("EntriesRefused", plan.refused().size(), MetricUnit.COUNT);
    metrics.put("ReconcileConflicts", result.conflicts(), MetricUnit.COUNT);
  }

  private static double percent(RuleGroupPlan plan) {
    return plan.capacity() == 0 ? 0 : 100.0 * plan.capacityUsed() / plan.capacity();
  }
}
