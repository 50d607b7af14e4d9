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
import io.guardwall.core.slack.BlockedIp;
import java.util.Objects;

/**
 * The maintenance state machine's reconcile: renders the whole blocklist into the rule group (a
 * token conflict with the queue consumer's reconciles re-reads both). Input: {@code {trigger,
 * execution}} (informative). Output: the plan summary with the first {@link #MAX_LISTED} evicted
 * CIDRs and added entries and their counts, for the digest task. Publishes CapacityUsedPercent,
 * EntriesEvicted and ReconcileConflicts. Thread-safe.
 */
public final class ReconcileHandler extends JsonHandler {

  /** The metric the stack's capacity alarm watches (above 80). */
  public static final String CAPACITY_METRIC = "CapacityUsedPercent";

  /** The metric the stack's eviction alarm watches (above 0). */
  public static final String EVICTED_METRIC = "EntriesEvicted";

  /** How many evicted and added entries the output lists; it must fit a state's 256 KB. */
  static final int MAX_LISTED = 100;

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
    ReconcileMetrics.publish(metrics(), result);
    RuleGroupPlan plan = result.plan();
    ObjectNode out = Jackson.objectNode();
    out.put("updated", result.updated());
    out.put("attempts", result.attempts());
    out.put("conflicts", result.conflicts());
    out.put("blocked", plan.blocked().size());
    out.put("capacityUsed", plan.capacityUsed());
    out.put("capacity", plan.capacity());
    out.put("evictedCount", plan.evicted().size());
    plan.evicted().stream()
        .limit(MAX_LISTED)
        .forEach(e -> out.withArray("evicted").add(e.cidr().value()));
    out.withArray("evicted");
    out.put("addedCount", plan.added().size());
    out.set(
        "added",
        BlockedIps.toJson(plan.added().stream().limit(MAX_LISTED).map(BlockedIp::of).toList()));
    // Entries the safety rule keeps out (e.g. allow-listed after they were recorded), with why.
    plan.refused().forEach(v -> out.withArray("refused").add(ReportJson.violation(v)));
    out.withArray("refused");
    return out;
  }
}
