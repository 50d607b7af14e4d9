package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.BlockedIp;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.slack.SlackMessages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Posts one Slack digest of the addresses a block execution newly blocked, less those the reconcile
 * left out for lack of capacity. Input: {@code {newlyBlocked[], evicted[]}}. Output: {@code
 * {notified}}. Thread-safe.
 */
public final class NotifyBlockedHandler extends JsonHandler {

  /** The unblock hint of the digest: the CLI, pointed at the table, lifts a block. */
  static final String UNBLOCK_HINT = "guardwall unblock";

  private final Notifier notifier;
  private final SlackMessages messages = new SlackMessages(UNBLOCK_HINT);
  private final Clock clock;

  public NotifyBlockedHandler() {
    this(
        Wiring.fromEnvironment(NotifyBlockedHandler.class).notifier(),
        Clock.systemUTC(),
        MetricsSink.powertools());
  }

  NotifyBlockedHandler(Notifier notifier, Clock clock, MetricsSink metrics) {
    super(metrics);
    this.notifier = Objects.requireNonNull(notifier);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  protected JsonNode handle(JsonNode request) {
    List<BlockedIp> blocked = new ArrayList<>(BlockedIps.fromJson(request.path("newlyBlocked")));
    Set<String> evicted = new HashSet<>();
    request.path("evicted").forEach(c -> evicted.add(c.asText()));
    blocked.removeIf(b -> evicted.contains(b.cidr().value()));
    // As many digests as it takes to list every address: one digest lists at most 50.
    List<SlackMessage> digests = messages.blockedDigests(blocked, clock.instant());
    digests.forEach(notifier::send);
    metrics().put("Notified", digests.size(), MetricUnit.COUNT);
    return JSON.createObjectNode().put("notified", blocked.size());
  }
}
