package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.plan.RuleGroupPlan;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.reconcile.ReconcileResult;
import java.util.Objects;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Renders the whole blocklist into the rule group; the only writer (reserved concurrency 1). Input:
 * {@code {trigger, execution}} (informative). Output: the plan summary with the evicted CIDRs.
 * Publishes CapacityUsedPercent, EntriesEvicted and ReconcileConflicts. Thread-safe.
 */
public final class ReconcileHandler extends JsonHandler {

  /** The metric the stack's capacity alarm watches (above 80). */
  public static final String CAPACITY_METRIC = "CapacityUsedPercent";

  /** The metric the stack's eviction alarm watches (above 0). */
  public static final String EVICTED_METRIC = "EntriesEvicted";

  private final Guardwall guardwall;

  public ReconcileHandler() {
    this(Wiring.fromEnvironment(ReconcileHandler.class), MetricsSink.powertools());
  }

  private ReconcileHandler(Wiring w, MetricsSink metrics) {
    this(
        w.guardwall(w.store(), w.none(NotificationLog.class), w.firewall(), w.none(Notifier.class)),
        metrics);
  }

  ReconcileHandler(Guardwall guardwall, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
  }

  @Override
  protected JsonNode handle(JsonNode request) {
    ReconcileResult result = guardwall.reconcile();
    RuleGroupPlan plan = result.plan();
    metrics().put(CAPACITY_METRIC, percent(plan), MetricUnit.PERCENT);
    metrics().put(EVICTED_METRIC, plan.evicted().size(), MetricUnit.COUNT);
    metrics().put("EntriesRefused", plan.refused().size(), MetricUnit.COUNT);
    metrics().put("ReconcileConflicts", result.conflicts(), MetricUnit.COUNT);
    ObjectNode out = Jackson.objectNode();
    out.put("updated", result.updated());
    out.put("attempts", result.attempts());
    out.put("conflicts", result.conflicts());
    out.put("blocked", plan.blocked().size());
    out.put("capacityUsed", plan.capacityUsed());
    out.put("capacity", plan.capacity());
    plan.evicted().forEach(e -> out.withArray("evicted").add(e.cidr().value()));
    out.withArray("evicted");
    // Entries the safety rule keeps out (e.g. allow-listed after they were recorded), with why.
    plan.refused().forEach(v -> out.withArray("refused").add(ReportJson.violation(v)));
    out.withArray("refused");
    return out;
  }

  private static double percent(RuleGroupPlan plan) {
    return plan.capacity() == 0 ? 0 : 100.0 * plan.capacityUsed() / plan.capacity();
  }
}
