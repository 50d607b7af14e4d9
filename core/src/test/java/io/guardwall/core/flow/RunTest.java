package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.FlakyTarget;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final DryRunTarget firewall = DryRunTarget.ofCapacity(10_000);
  private RecordingNotifier notifier = new RecordingNotifier(null);

  private Guardwall guardwall(Notifier next) {
    notifier = new RecordingNotifier(next);
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(store, new InMemoryNotificationLog(), List.of(firewall), notifier),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RetryPolicy.immediate(3));
  }

  private static ObjectNode event(String name) throws Exception {
    return (ObjectNode) JSON.readTree(Resources.text(RunTest.class, "../route/" + name));
  }

  @Test
  void process_shouldBlockNotifyAndDigest_whenNetworkConnectionFinding() throws Exception {
    Run run = guardwall(null).startRun();
    EventReport report = run.process(event("guardduty-network.json"), "f", 0);
    RunReport end = run.finish();

    assertThat(report.routes()).containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
    FindingReport finding = report.findings().get(0);
    assertThat(finding.ips()).singleElement().satisfies(d -> assertThat(d.block()).isTrue());
    assertThat(finding.notification()).isEqualTo(NotificationOutcome.SENT);
    assertThat(store.get(Cidr.ofAddress("198.51.100.23")).orElseThrow().expiresAt())
        .isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(end.reconcile().updated()).isTrue();
    assertThat(firewall.read().blocked().toString()).contains("198.51.100.23/32");
    assertThat(notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.FINDING, SlackMessage.Kind.BLOCKED);
  }

  @Test
  void process_shouldNotReconcileOrDigest_whenOnlyRefreshed() throws Exception {
    Guardwall gw = guardwall(null);
    Run first = gw.startRun();
    first.process(event("guardduty-network.json"), "f", 0);
    first.finish();
    Run second = gw.startRun();
    // GuardDuty's update of the finding: a new sighting, so it counts.
    ObjectNode updated = event("guardduty-network.json");
    ((ObjectNode) updated.get("detail")).put("updatedAt", "2026-11-20T10:30:00.000Z");
    FindingReport again = second.process(updated, "f", 0).findings().get(0);
    RunReport end = second.finish();
    assertThat(again.notification()).isEqualTo(NotificationOutcome.DUPLICATE);
    assertThat(end.reconcile()).isNull();
    assertThat(end.newlyBlocked()).isEmpty();
    assertThat(store.get(Cidr.ofAddress("198.51.100.23")).orElseThrow().hits()).isEqualTo(2);
  }

  @Test
  void process_shouldIgnore_whenNoRouteMatches() throws Exception {
    Run run = guardwall(null).startRun();
    JsonNode unrelated =
        JSON.readTree("{\"source\":\"aws.ec2\",\"detail-type\":\"x\",\"detail\":{}}");
    EventReport report = run.process(unrelated, "f", 3);
    assertThat(report.error()).isNull();
    assertThat(report.routes()).isEmpty();
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void process_shouldReportError_whenEventIsNotAnObject() throws Exception {
    Run run = guardwall(null).startRun();
    for (String bad : List.of("42", "\"text\"", "[]", "null", "{}")) {
      EventReport report = run.process(JSON.readTree(bad), "f", 0);
      assertThat(report.error()).as(bad).isNotBlank();
    }
    assertThat(run.finish().errors()).isEmpty();
  }

  @Test
  void process_shouldReportAndKeepState_whenSlackFails() throws Exception {
    Run run =
        guardwall(
                m -> {
                  throw new NotifyException("Slack webhook answered HTTP 500", null);
                })
            .startRun();
    FindingReport f = run.process(event("guardduty-network.json"), "f", 0).findings().get(0);
    RunReport end = run.finish();
    assertThat(f.notification())
        .isEqualTo(new NotificationOutcome.Failed("Slack webhook answered HTTP 500"));
    assertThat(end.errors()).hasSize(2);
    assertThat(store.listActive(NOW)).hasSize(1);
    assertThat(end.reconcile().updated()).isTrue();
  }

  @Test
  void finish_shouldKeepDesiredState_whenFirewallFails() throws Exception {
    InMemoryNotificationLog log = new InMemoryNotificationLog();
    FlakyTarget broken = FlakyTarget.retryable(firewall, "HTTP 500");
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(store, log, List.of(broken), notifier),
            Clock.fixed(NOW, ZoneOffset.UTC),
            RetryPolicy.immediate(2));
    Run run = gw.startRun();
    run.process(event("guardduty-network.json"), "f", 0);
    RunReport end = run.finish();
    assertThat(end.errors()).singleElement().asString().contains("reconcile failed");
    assertThat(store.listActive(NOW)).hasSize(1);
    assertThat(notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.FINDING);
  }

  @Test
  void checkpoint_shouldDigestEachBatchOnce_whenCalledBetweenEvents() throws Exception {
    Run run = guardwall(null).startRun();
    run.process(event("guardduty-network.json"), "f", 0);
    assertThat(run.checkpoint()).isPresent();
    assertThat(run.checkpoint()).isEmpty();
    ObjectNode other = event("guardduty-portprobe-low.json");
    run.process(other, "f", 1);
    RunReport end = run.finish();
    assertThat(run.reconciles()).isEqualTo(2);
    assertThat(end.newlyBlocked())
        .extracting(b -> b.cidr().display())
        .containsExactly("198.51.100.23", "203.0.113.5");
    assertThat(notifier.messages().stream().filter(m -> m.kind() == SlackMessage.Kind.BLOCKED))
        .hasSize(2);
  }

  @Test
  void checkpoint_shouldKeepBatchForNextCheckpoint_whenReconcileFails() throws Exception {
    FlakyTarget flaky = FlakyTarget.retryable(firewall, "HTTP 503");
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(store, new InMemoryNotificationLog(), List.of(flaky), notifier),
            Clock.fixed(NOW, ZoneOffset.UTC),
            RetryPolicy.immediate(2));
    Run run = gw.startRun();
    run.process(event("guardduty-network.json"), "f", 0);
    assertThat(run.checkpoint()).hasValueSatisfying(r -> assertThat(r.failures()).hasSize(1));
    assertThat(run.changed()).as("kept for the next checkpoint").isTrue();
    flaky.up();
    RunReport end = run.finish();
    assertThat(end.newlyBlocked()).hasSize(1);
    assertThat(firewall.read().blocked().toString()).contains("198.51.100.23/32");
    assertThat(end.errors()).singleElement().asString().contains("HTTP 503");
  }

  @Test
  void process_shouldReportRunError_whenStoreFails() throws Exception {
    io.guardwall.core.port.BlocklistStore broken =
        new io.guardwall.core.port.BlocklistStore() {
          @Override
          public io.guardwall.core.model.UpsertResult upsert(
              io.guardwall.core.model.BlockRequest request) {
            throw new io.guardwall.core.port.StoreException("table missing", null);
          }

          @Override
          public List<io.guardwall.core.model.BlocklistEntry> listActive(Instant now) {
            return store.listActive(now);
          }

          @Override
          public java.util.Optional<io.guardwall.core.model.BlocklistEntry> get(Cidr cidr) {
            return store.get(cidr);
          }

          @Override
          public List<io.guardwall.core.model.BlocklistEntry> deleteExpired(Instant now) {
            return store.deleteExpired(now);
          }

          @Override
          public boolean delete(Cidr cidr) {
            return store.delete(cidr);
          }
        };
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(broken, new InMemoryNotificationLog(), List.of(firewall), notifier),
            Clock.fixed(NOW, ZoneOffset.UTC),
            RetryPolicy.immediate(2));
    Run run = gw.startRun();
    FindingReport f = run.process(event("guardduty-network.json"), "f", 0).findings().get(0);
    assertThat(f.problem()).isEqualTo(new FindingProblem.NotRecorded("table missing"));
    assertThat(run.finish().errors()).singleElement().asString().contains("not recorded");
  }
}
