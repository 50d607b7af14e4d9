package io.guardwall.core.reconcile;

import io.guardwall.core.plan.RuleGroupPlan;

/**
 * What one reconcile did: the plan it applied (or found already in place), whether it wrote, and
 * how many attempts and token conflicts it took; immutable.
 */
public record ReconcileResult(RuleGroupPlan plan, boolean updated, int attempts, int conflicts) {}
