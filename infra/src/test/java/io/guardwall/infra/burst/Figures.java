package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.lambda.ReconcileHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario measured, in modelled time: arrival-to-block latencies, the Network Firewall
 * calls, what Slack accepted, the invocations and the oldest message's age. Immutable.
 */
record Figures(
    String scenario,
    int events,
    int deliveries,
    List<Duration> arrivalToBlock,
    NetworkFirewallStub.Counts firewall,
    Map<String, Integer> digestsPerAddress,
    Map<String, Integer> alertsPerFinding,
    int slackMessages,
    int digestMessages,
    int slackRateLimited,
    int slackRefusedWhileDown,
    List<QueuePoller.Invocation> invocations,
    Duration oldestMessage,
    List<String> functionErrors,
    int deadLetters,
    Map<String, List<Double>> metrics) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Figures of(String scenario, Burst burst, Pipeline p) {
    List<SlackStub.Accepted> accepted = p.slack.accepted();
    return new Figures(
        scenario,
        burst.arrivals().size(),
        p.deliveries(),
        p.arrivalToBlock(),
        p.firewall.counts(),
        count(accepted, true),
        count(accepted, false),
        accepted.size(),
        (int) accepted.stream().filter(a -> SlackLog.isDigest(a.payload())).count(),
        p.slack.rateLimited(),
        p.slack.refusedWhileDown(),
        p.poller.invocations(),
        p.poller.agesAtDelete().stream()
            .max(Duration::compareTo)
            .map(p.scale::modelled)
            .orElse(Duration.ZERO),
        p.poller.functionErrors(),
        p.deadLetters(),
        p.poller.metrics());
  }

  /** How many digests list each address ({@code digests}), or alert each finding. */
  private static Map<String, Integer> count(List<SlackStub.Accepted> accepted, boolean digests) {
    Map<String, Integer> counts = new HashMap<>();
    for (SlackStub.Accepted a : accepted) {
      var keys = digests ? SlackLog.listed(a.payload()) : SlackLog.alerted(a.payload());
      if (SlackLog.isDigest(a.payload()) == digests) {
        keys.forEach(k -> counts.merge(k, 1, Integer::sum));
      }
    }
    return counts;
  }

  /** The sum of what the function published as {@code metric}. */
  double total(String metric) {
    return metrics.getOrDefault(metric, List.of()).stream().mapToDouble(d -> d).sum();
  }

  /** The largest value the function published as {@code metric}. */
  double highest(String metric) {
    return metrics.getOrDefault(metric, List.of()).stream().mapToDouble(d -> d).max().orElse(0);
  }

  /** The {@code p}th percentile (nearest rank) of the arrival-to-block latencies. */
  Duration latency(double p) {
    List<Duration> sorted = new ArrayList<>(arrivalToBlock);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The figures as JSON, written to {@code target/burst-<scenario>.json} and returned. */
  String write() throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("scenario", scenario).put("events", events).put("deliveries", deliveries);
    o.put("arrivalToBlockP50Seconds", seconds(latency(50)));
    o.put("arrivalToBlockP99Seconds", seconds(latency(99)));
    o.put("arrivalToBlockMaxSeconds", seconds(latency(100)));
    o.put("updateRuleGroupCalls", firewall.updates());
    o.put("successfulUpdates", firewall.successfulUpdates());
    o.put("describeRuleGroupCalls", firewall.describes());
    o.put("conflicts", firewall.conflicts()).put("races", firewall.races());
    o.put("throttles", firewall.throttles()).put("serverErrors", firewall.serverErrors());
    o.put("slackMessages", slackMessages).put("digestMessages", digestMessages);
    o.put("addressesInDigests", digestsPerAddress.size());
    o.put("findingsAlerted", alertsPerFinding.size());
    o.put("slackRateLimited", slackRateLimited);
    o.put("slackRefusedWhileDown", slackRefusedWhileDown);
    o.put("invocations", invocations.size());
    o.put(
        "largestBatch",
        invocations.stream().mapToInt(QueuePoller.Invocation::size).max().orElse(0));
    o.put(
        "itemFailures", invocations.stream().mapToInt(QueuePoller.Invocation::itemFailures).sum());
    o.put("oldestMessageSeconds", seconds(oldestMessage));
    o.put("functionErrors", functionErrors.size()).put("deadLetters", deadLetters);
    o.put("capacityUsedPercentHighest", highest(ReconcileHandler.CAPACITY_METRIC));
    ObjectNode published = o.putObject("metricTotals");
    metrics.keySet().forEach(name -> published.put(name, total(name)));
    String text = o.toPrettyString();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "burst-" + scenario + ".json"), text);
    return text;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
