package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Notifier;
import java.util.List;
import java.util.Objects;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The maintenance state machine's first task: deletes the expired blocklist entries (DynamoDB's TTL
 * is lazy); the reconcile task after it takes them out of the rule group, so that the reconciler
 * stays the rule group's only writer. Input: {@code {trigger}}. Output: {@code {deleted, cidrs[]}}.
 * Thread-safe.
 */
public final class MaintainHandler extends JsonHandler {

  static final int MAX_LISTED = 100;

  private final Guardwall guardwall;

  public MaintainHandler() {
    this(Wiring.fromEnvironment(MaintainHandler.class), MetricsSink.powertools());
  }

  private MaintainHandler(Wiring w, MetricsSink metrics) {
    this(
        w.guardwall(
            w.store(), w.none(NotificationLog.class), w.noTargets(), w.none(Notifier.class)),
        metrics);
  }

  /** For tests: the flows over the given ports. */
  MaintainHandler(Guardwall guardwall, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
  }

  @Override
  protected JsonNode handle(JsonNode request) {
    List<BlocklistEntry> deleted = guardwall.prune();
    metrics().put("EntriesExpired", deleted.size(), MetricUnit.COUNT);
    ObjectNode out = Jackson.objectNode().put("deleted", deleted.size());
    deleted.stream().limit(MAX_LISTED).forEach(e -> out.withArray("cidrs").add(e.cidr().value()));
    out.withArray("cidrs");
    return out;
  }
}
