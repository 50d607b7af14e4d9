package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.FindingReport;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.NotificationOutcome;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.route.Route;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The notify state machine's task: posts each finding of the event at or above the notify threshold
 * to Slack, once per finding (the DynamoDB notification log de-duplicates; a finding counts as
 * notified only once Slack accepted its alert). Input: the EventBridge event. Output: the event's
 * report. Thread-safe.
 */
public final class NotifyFindingHandler extends JsonHandler {

  private final Guardwall guardwall;

  public NotifyFindingHandler() {
    this(Wiring.fromEnvironment(NotifyFindingHandler.class), MetricsSink.powertools());
  }

  private NotifyFindingHandler(Wiring w, MetricsSink metrics) {
    this(
        w.guardwall(
            w.none(BlocklistStore.class), w.notifications(), w.none(Firewall.class), w.notifier()),
        metrics);
  }

  NotifyFindingHandler(Guardwall guardwall, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
  }

  @Override
  protected JsonNode handle(JsonNode event) {
    EventReport report = guardwall.startRun(Set.of(Route.NOTIFY)).process(event, "eventbridge", 0);
    if (report.error() != null) {
      throw new IllegalArgumentException("event rejected: " + report.error());
    }
    metrics().put("Notified", (double) sent(report.findings()), MetricUnit.COUNT);
    for (FindingReport f : report.findings()) {
      // Failing the task makes Step Functions retry it: the failed alert was not remembered as
      // sent, so the retry sends it, and the others are duplicates.
      if (f.notification() instanceof NotificationOutcome.Failed failed) {
        throw new NotifyException(
            "finding " + f.id() + " was not delivered: " + failed.cause(), null);
      }
    }
    return ReportJson.event(report);
  }

  private static long sent(List<FindingReport> findings) {
    return findings.stream()
        .filter(f -> f.notification() instanceof NotificationOutcome.Sent)
        .count();
  }
}
