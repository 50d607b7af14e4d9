package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.flow.DigestOutcome;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.MaintenanceDigest;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.NotifyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The maintenance state machine's last task: posts the digest of what its reconcile added, a
 * summary of what expired and what does not fit, and the actions people took since the last digest
 * (from the audit trail), then counts the run as succeeded. Input: {@code {expired[], expiredCount,
 * evicted[], evictedCount, added[], addedCount}}. Output: {@code {messages}}. Slack refusing fails
 * the task (retried, then alerted); Slack not being configured does not, since the firewall work is
 * done: it is logged and counted instead. Thread-safe.
 */
public final class MaintenanceDigestHandler extends JsonHandler {

  /** One per maintenance run that finished; the stack alarms when none came for a while. */
  public static final String SUCCEEDED_METRIC = "MaintenanceSucceeded";

  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceDigestHandler.class);

  private final Guardwall guardwall;

  public MaintenanceDigestHandler() {
    this(Wiring.fromEnvironment(MaintenanceDigestHandler.class), MetricsSink.powertools());
  }

  private MaintenanceDigestHandler(Wiring w, MetricsSink metrics) {
    this(
        w.guardwall(
            new Guardwall.Ports(
                w.none(BlocklistStore.class),
                w.none(NotificationLog.class),
                w.noTargets(),
                w.notifier(),
                w.none(AllowListStore.class),
                w.audit())),
        metrics);
  }

  MaintenanceDigestHandler(Guardwall guardwall, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
  }

  @Override
  protected JsonNode handle(JsonNode request) {
    MaintenanceDigest digest = read(request);
    int messages = post(digest);
    metrics().put(SUCCEEDED_METRIC, 1, MetricUnit.COUNT);
    return Jackson.objectNode().put("messages", messages);
  }

  /** Posts the digest; actions people took are reported even when the run itself did nothing. */
  private int post(MaintenanceDigest digest) {
    Optional<String> unavailable = guardwall.notifierUnavailable();
    if (unavailable.isPresent()) {
      if (digest.expiredCount() + digest.evictedCount() + digest.addedCount() > 0) {
        QueueHandler.slackNotConfigured(metrics(), unavailable.get());
      }
      return 0;
    }
    DigestOutcome outcome = guardwall.postMaintenanceDigest(digest);
    if (!outcome.delivered()) {
      throw new NotifyException(String.join("; ", outcome.failures()), null);
    }
    LOG.info("maintenance digest: {} messages", outcome.messages());
    return outcome.messages();
  }

  /**
   * Reads the state's input.
   *
   * @throws IllegalArgumentException naming the first bad field
   */
  static MaintenanceDigest read(JsonNode request) {
    List<Cidr> expired = cidrs(request, "expired");
    List<Cidr> evicted = cidrs(request, "evicted");
    JsonNode added = request.path("added");
    return new MaintenanceDigest(
        expired,
        count(request, "expiredCount", expired.size()),
        evicted,
        count(request, "evictedCount", evicted.size()),
        added.isMissingNode() ? List.of() : BlockedIps.fromJson(added),
        count(request, "addedCount", added.size()));
  }

  private static List<Cidr> cidrs(JsonNode request, String field) {
    JsonNode array = request.path(field);
    List<Cidr> out = new ArrayList<>();
    if (array.isMissingNode() || array.isNull()) {
      return out;
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(field + " must be an array, got " + array.getNodeType());
    }
    for (int i = 0; i < array.size(); i++) {
      try {
        out.add(Cidr.parse(array.get(i).asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static int count(JsonNode request, String field, int listed) {
    JsonNode v = request.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return listed;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw new IllegalArgumentException(field + " must be a count, got " + v);
    }
    return v.asInt();
  }
}
