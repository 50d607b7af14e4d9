package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.FindingReport;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.flow.Run;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.route.Route;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The block state machine's first task: records the remote addresses of a finding event in the
 * blocklist. Input: the EventBridge event. Output: {@code {changed, newlyBlocked[], report}}.
 * Thread-safe.
 */
public final class RecordHandler extends JsonHandler {

  private final Guardwall guardwall;

  public RecordHandler() {
    this(Wiring.fromEnvironment(RecordHandler.class), MetricsSink.powertools());
  }

  private RecordHandler(Wiring w, MetricsSink metrics) {
    this(
        w.guardwall(w.store(), w.notifications(), w.none(Firewall.class), w.none(Notifier.class)),
        metrics);
  }

  /** For tests: the flows over the given ports. */
  RecordHandler(Guardwall guardwall, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
  }

  @Override
  protected JsonNode handle(JsonNode event) {
    Run run = guardwall.startRun(Set.of(Route.BLOCK));
    EventReport report = run.process(event, "eventbridge", 0);
    if (report.error() != null) {
      throw new IllegalArgumentException("event rejected: " + report.error());
    }
    failOnStoreErrors(report.findings());
    metrics().put("Blocked", run.newlyBlocked().size(), MetricUnit.COUNT);
    metrics().put("Skipped", (double) skipped(report.findings()), MetricUnit.COUNT);
    ObjectNode out = Jackson.objectNode();
    out.put("changed", run.changed());
    out.set("newlyBlocked", BlockedIps.toJson(run.newlyBlocked()));
    out.set("report", ReportJson.event(report));
    return out;
  }

  // A failed write (a finding with a severity, i.e. one that parsed, and an error) must fail the
  // task so that the state machine retries it; a finding that did not parse is only reported.
  private static void failOnStoreErrors(List<FindingReport> findings) {
    findings.stream()
        .filter(f -> f.error() != null && f.severity() != null)
        .findFirst()
        .ifPresent(
            f -> {
              throw new StoreException(
                  "recording finding " + f.id() + " failed: " + f.error(), null);
            });
  }

  private static long skipped(List<FindingReport> findings) {
    return findings.stream().flatMap(f -> f.ips().stream()).filter(d -> !d.block()).count();
  }
}
