package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.flow.DigestOutcome;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.BlockedIp;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Posts the Slack digest of the addresses a block execution newly blocked, less those the reconcile
 * left out (for capacity, or refused by the safety rule). Input: {@code {newlyBlocked[], evicted[],
 * refused[]}}. Output: {@code {notified}}. Thread-safe.
 */
public final class NotifyBlockedHandler extends JsonHandler {

  private final Guardwall guardwall;

  public NotifyBlockedHandler() {
    this(Wiring.fromEnvironment(NotifyBlockedHandler.class), MetricsSink.powertools());
  }

  private NotifyBlockedHandler(Wiring w, MetricsSink metrics) {
    this(
        w.guardwall(
            w.none(BlocklistStore.class),
            w.none(NotificationLog.class),
            w.none(Firewall.class),
            w.notifier()),
        metrics);
  }

  /** For tests: the flows over the given ports. */
  NotifyBlockedHandler(Guardwall guardwall, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
  }

  @Override
  protected JsonNode handle(JsonNode request) {
    List<BlockedIp> recorded = BlockedIps.fromJson(request.path("newlyBlocked"));
    Set<Cidr> notInFirewall = new HashSet<>();
    request.path("evicted").forEach(c -> notInFirewall.add(Cidr.parse(c.asText())));
    request.path("refused").forEach(v -> notInFirewall.add(Cidr.parse(v.path("cidr").asText())));
    DigestOutcome digest = guardwall.postDigest(recorded, notInFirewall);
    metrics().put("Notified", digest.messages() - digest.failures().size(), MetricUnit.COUNT);
    if (!digest.delivered()) {
      // Fail the task so that the state machine retries it and, at the end, alerts.
      throw new NotifyException(String.join("; ", digest.failures()), null);
    }
    return Jackson.objectNode().put("notified", digest.listed().size());
  }
}
