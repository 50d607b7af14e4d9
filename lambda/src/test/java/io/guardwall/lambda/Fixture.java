package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Fakes for every port, shared by one test's handlers as one deployment's functions share state.
 */
final class Fixture {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  final InMemoryNotificationLog notifications = new InMemoryNotificationLog();
  final DryRunTarget firewall = DryRunTarget.ofCapacity(10_000);
  final RecordingNotifier notifier = new RecordingNotifier(null);
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final Metrics metrics = new Metrics();

  Guardwall guardwall() {
    return guardwall(notifier);
  }

  /** The flows over this fixture's ports, posting through {@code slack}. */
  Guardwall guardwall(Notifier slack) {
    return guardwall(store, slack);
  }

  Guardwall guardwall(BlocklistStore blocklist, Notifier slack) {
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(blocklist, notifications, List.of(firewall), slack),
        clock,
        RetryPolicy.immediate(3));
  }

  /**
   * The Lambda SQS event carrying {@code bodies}, message ids {@code m-0}, {@code m-1}..., as the
   * queue delivers EventBridge events.
   */
  static ObjectNode sqsEvent(String... bodies) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < bodies.length; i++) {
      ObjectNode r = records.addObject();
      r.put("messageId", "m-" + i);
      r.put("receiptHandle", "rh-" + i);
      r.put("body", bodies[i]);
      r.putObject("attributes").put("ApproximateReceiveCount", "1");
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", "arn:aws:sqs:eu-west-1:111122223333:guardwall-events");
    }
    return event;
  }

  /** A GuardDuty block of {@code ip} seen two hours ago, expiring {@code expiresIn} after now. */
  static BlockRequest blockRequest(String ip, Duration expiresIn) {
    return new BlockRequest(
        Cidr.ofAddress(ip),
        Fixture.NOW.minus(Duration.ofHours(2)),
        Fixture.NOW.plus(expiresIn),
        SeverityLevel.HIGH,
        "Recon:EC2/PortProbeUnprotectedPort",
        "f-" + ip,
        null,
        "111122223333",
        "eu-west-1",
        Origin.GUARDDUTY,
        false);
  }

  static String sampleText(String name) {
    return Resources.sample("events/" + name);
  }

  static JsonNode sample(String name) throws Exception {
    return JSON.readTree(Resources.sample("events/" + name));
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  /** Records what a handler publishes. */
  static final class Metrics implements MetricsSink {
    record Put(String name, double value, MetricUnit unit) {}

    final List<Put> puts = new ArrayList<>();
    int flushes;

    @Override
    public void put(String name, double value, MetricUnit unit) {
      puts.add(new Put(name, value, unit));
    }

    @Override
    public void flush() {
      flushes++;
    }

    double value(String name) {
      return puts.stream()
          .filter(p -> p.name().equals(name))
          .mapToDouble(Put::value)
          .reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no metric " + name + " in " + puts));
    }
  }
}
