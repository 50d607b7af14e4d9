package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.slack.BlockedIp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance state machine's reconcile: renders the whole blocklist to every enforcement point
 * (a version conflict with the queue consumer's reconciles re-reads both); a target that fails is
 * logged and reported by name, and the others still converge. Input: {@code {trigger, execution}}
 * (informative). Output: a summary per target ({@code targets}), then, for the digest task, the
 * first {@link #MAX_LISTED} CIDRs left out of any target and added to any, and their counts.
 * Publishes CapacityUsedPercent and EntriesEvicted (the fullest target's), ReconcileConflicts and
 * TargetsFailed. Thread-safe.
 */
public final class ReconcileHandler extends JsonHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileHandler.class);

  /** The metric the stack's capacity alarm watches (above 80). */
  public static final String CAPACITY_METRIC = "CapacityUsedPercent";

  /** The metric the stack's eviction alarm watches (above 0). */
  public static final String EVICTED_METRIC = "EntriesEvicted";

  /** The metric the stack's failed-target alarm watches (above 0). */
  public static final String TARGETS_FAILED_METRIC = "TargetsFailed";

  /** How many evicted and added entries the output lists; it must fit a state's 256 KB. */
  static final int MAX_LISTED = 100;

  private final Guardwall guardwall;

  public ReconcileHandler() {
    this(Wiring.fromEnvironment(ReconcileHandler.class), MetricsSink.powertools());
  }

  private ReconcileHandler(Wiring w, MetricsSink metrics) {
    this(
        w.guardwall(w.store(), w.none(NotificationLog.class), w.targets(), w.none(Notifier.class)),
        metrics);
  }

  ReconcileHandler(Guardwall guardwall, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
  }

  @Override
  protected JsonNode handle(JsonNode request) {
    TargetsResult result = guardwall.reconcile();
    ReconcileMetrics.publish(metrics(), result);
    result.failures().forEach(t -> LOG.error("{}", excerpt(String.valueOf(t.error()), 2000)));
    ObjectNode out = Jackson.objectNode();
    result.targets().forEach(t -> out.withArray("targets").add(target(t)));
    List<BlocklistEntry> evicted = evicted(result);
    out.put("evictedCount", evicted.size());
    evicted.stream().limit(MAX_LISTED).forEach(e -> out.withArray("evicted").add(e.cidr().value()));
    out.withArray("evicted");
    List<BlocklistEntry> added = result.added();
    out.put("addedCount", added.size());
    out.set(
        "added", BlockedIps.toJson(added.stream().limit(MAX_LISTED).map(BlockedIp::of).toList()));
    // Entries the safety rule keeps out (e.g. allow-listed after they were recorded), with why.
    result.targets().stream()
        .filter(t -> !t.failed())
        .findFirst()
        .ifPresent(
            t -> t.refused().forEach(v -> out.withArray("refused").add(ReportJson.violation(v))));
    out.withArray("refused");
    return out;
  }

  /** One target's summary: small whatever the blocklist's size. */
  private static ObjectNode target(TargetReport t) {
    ObjectNode o = Jackson.objectNode();
    o.put("name", t.name()).put("kind", t.kind().label()).put("state", ReportJson.state(t, true));
    o.put("updated", t.updated()).put("attempts", t.attempts()).put("conflicts", t.conflicts());
    o.put("blocked", t.blocked().size());
    CidrBudget room = t.budget();
    if (room == null) {
      o.putNull("room");
    } else {
      o.put("room", room.total());
    }
    o.put("evictedCount", t.evicted().size());
    return o.put("error", t.error());
  }

  /** The entries left out of any target, each CIDR once, in the order met. */
  private static List<BlocklistEntry> evicted(TargetsResult result) {
    Map<Cidr, BlocklistEntry> union = new LinkedHashMap<>();
    result.targets().forEach(t -> t.evicted().forEach(e -> union.putIfAbsent(e.cidr(), e)));
    return List.copyOf(union.values());
  }
}
