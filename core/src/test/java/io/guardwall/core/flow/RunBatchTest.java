package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FlakyTarget;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A batch as the cloud's queue consumer runs it: record all, reconcile once, digest what that
 * reconcile added, then the alerts (issue 10).
 */
class RunBatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final InMemoryNotificationLog log = new InMemoryNotificationLog();
  private final DryRunTarget firewall = DryRunTarget.ofCapacity(1_000);
  private final Slack slack = new Slack();

  /** Accepts what it is given unless told to fail, or to say it has no webhook. */
  private static final class Slack implements Notifier {
    final List<SlackMessage> accepted = new ArrayList<>();
    volatile int failures;
    volatile String unconfigured;

    @Override
    public synchronized void send(SlackMessage message) {
      if (failures > 0) {
        failures--;
        throw new NotifyException("HTTP 500", null);
      }
      accepted.add(message);
    }

    @Override
    public Optional<String> unavailable() {
      return Optional.ofNullable(unconfigured);
    }

    synchronized List<SlackMessage.Kind> kinds() {
      return accepted.stream().map(SlackMessage::kind).toList();
    }
  }

  private Guardwall guardwall(EnforcementPoint fw) {
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(store, log, List.of(fw), slack),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RetryPolicy.immediate(2));
  }

  private static ObjectNode event(String findingId, String address) throws Exception {
    ObjectNode event =
        (ObjectNode)
            JSON.readTree(Resources.text(RunBatchTest.class, "../route/guardduty-network.json"));
    ObjectNode detail = (ObjectNode) event.get("detail");
    detail.put("id", findingId);
    ((ObjectNode) detail.at("/service/action/networkConnectionAction/remoteIpDetails"))
        .put("ipAddressV4", address);
    return event;
  }

  @Test
  void sendAlerts_shouldComeAfterTheDigest_whenTheBatchDefersAlerts() throws Exception {
    Run run = guardwall(firewall).startBatch();

    FindingReport f = run.process(event("f-1", "198.51.100.1"), "m-1", 0).findings().get(0);
    assertThat(f.notification()).isEqualTo(NotificationOutcome.QUEUED);
    assertThat(slack.kinds()).isEmpty();
    run.finish();
    List<AlertReport> alerts = run.sendAlerts(() -> true);

    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.settled()).isTrue());
    assertThat(slack.kinds()).containsExactly(SlackMessage.Kind.BLOCKED, SlackMessage.Kind.FINDING);
  }

  @Test
  void sendAlerts_shouldSendOneAlertPerFinding_whenSeveralEventsCarryIt() throws Exception {
    Run run = guardwall(firewall).startBatch();
    run.process(event("f-1", "198.51.100.1"), "m-1", 0);
    run.process(event("f-1", "198.51.100.1"), "m-2", 1);

    List<AlertReport> alerts = run.sendAlerts(() -> true);

    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.sources()).containsExactly("m-1", "m-2"));
    assertThat(slack.kinds()).containsExactly(SlackMessage.Kind.FINDING);
  }

  @Test
  void sendAlerts_shouldStopAndClaimNothingMore_afterTheFirstAlertSlackRefused() throws Exception {
    Run run = guardwall(firewall).startBatch();
    run.process(event("f-1", "198.51.100.1"), "m-1", 0);
    run.process(event("f-2", "198.51.100.2"), "m-2", 1);
    slack.failures = 1;

    List<AlertReport> alerts = run.sendAlerts(() -> true);

    assertThat(alerts).extracting(AlertReport::settled).containsExactly(false, false);
    assertThat(alerts.get(1).outcome().describe()).contains("earlier alert", "HTTP 500");
    assertThat(claimable("f-1")).as("the refused alert's claim was released").isTrue();
    assertThat(claimable("f-2")).as("the unsent alert was never claimed").isTrue();
  }

  @Test
  void sendAlerts_shouldClaimNothing_whenTheBatchHasNoTimeLeft() throws Exception {
    Run run = guardwall(firewall).startBatch();
    run.process(event("f-1", "198.51.100.1"), "m-1", 0);

    List<AlertReport> alerts = run.sendAlerts(() -> false);

    assertThat(alerts.get(0).outcome().describe()).contains("ran out of time");
    assertThat(claimable("f-1")).isTrue();
    assertThat(slack.kinds()).isEmpty();
  }

  @Test
  void batch_shouldClaimAndPostNothing_whenSlackIsNotConfigured() throws Exception {
    slack.unconfigured = "secret 'guardwall' is not a webhook URL";
    Run run = guardwall(firewall).startBatch();
    run.process(event("f-1", "198.51.100.1"), "m-1", 0);

    RunReport end = run.finish();
    List<AlertReport> alerts = run.sendAlerts(() -> true);

    assertThat(alerts.get(0).outcome()).isInstanceOf(NotificationOutcome.NotConfigured.class);
    assertThat(end.errors()).anySatisfy(e -> assertThat(e).contains("digest not sent", "webhook"));
    assertThat(claimable("f-1")).isTrue();
    assertThat(slack.kinds()).isEmpty();
    assertThat(firewall.read().blocked().toString())
        .as("blocking does not wait for Slack")
        .contains("198.51.100.1/32");
  }

  @Test
  void finish_shouldDigestAnAddressOnce_whenTwoBatchesRecordIt() throws Exception {
    Run first = guardwall(firewall).startBatch();
    Run second = guardwall(firewall).startBatch();
    first.process(event("f-1", "198.51.100.1"), "m-1", 0);
    second.process(event("f-2", "198.51.100.1"), "m-2", 0);

    RunReport a = first.finish();
    RunReport b = second.finish();

    assertThat(a.newlyBlocked())
        .extracting(ip -> ip.cidr().display())
        .containsExactly("198.51.100.1");
    assertThat(b.newlyBlocked()).as("already in the group: not newly blocked").isEmpty();
    assertThat(slack.kinds()).containsExactly(SlackMessage.Kind.BLOCKED);
  }

  @Test
  void finish_shouldDigestWhatAnotherBatchRecorded_whenThatBatchFailedToReconcile()
      throws Exception {
    FlakyTarget flaky = FlakyTarget.retryable(firewall, "HTTP 503");
    Run failed = guardwall(flaky).startBatch();
    failed.process(event("f-1", "198.51.100.1"), "m-1", 0);
    assertThat(failed.finish().errors()).singleElement().asString().contains("reconcile failed");
    flaky.up();
    Run later = guardwall(flaky).startBatch();
    later.process(event("f-2", "198.51.100.2"), "m-2", 0);

    RunReport end = later.finish();

    assertThat(end.newlyBlocked())
        .extracting(ip -> ip.cidr().display())
        .containsExactly("198.51.100.1", "198.51.100.2");
    assertThat(end.newlyBlocked().get(0).findingId())
        .as("read from the stored entry")
        .isEqualTo("f-1");
  }

  private boolean claimable(String findingId) {
    return log.claim(findingId, SeverityLevel.MEDIUM, NOW, NOW.plusSeconds(60)).isPresent();
  }
}
