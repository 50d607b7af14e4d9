package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.route.Route;
import io.guardwall.core.testing.Events;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each finding of an event is routed on its own, as EventBridge would route it alone. */
class RunFindingRoutesTest {

  private static final Cidr GUARDDUTY_LOW = Cidr.ofAddress("198.51.100.150");
  private static final Cidr INSPECTOR_HIGH = Cidr.ofAddress("203.0.113.180");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final RecordingNotifier notifier = new RecordingNotifier(null);
  private final Guardwall gw = guardwall(store, notifier);

  private static Guardwall guardwall(InMemoryBlocklistStore store, RecordingNotifier notifier) {
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(
            store,
            new InMemoryNotificationLog(),
            List.of(DryRunTarget.ofCapacity(10_000)),
            notifier),
        Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC),
        RetryPolicy.immediate(3));
  }

  private static ObjectNode mixedEvent() {
    return Events.guardDutyBesideInspector();
  }

  private static ObjectNode alone(ObjectNode event, int index) {
    ObjectNode copy = event.deepCopy();
    ArrayNode findings = (ArrayNode) copy.at("/detail/findings");
    findings.removeAll();
    findings.add(event.at("/detail/findings/" + index));
    return copy;
  }

  @Test
  void process_shouldNotBlockTheOtherProductsFinding_whenItSharesAnEventWithAGuardDutyOne() {
    EventReport report = gw.startRun().process(mixedEvent(), "e", 0);

    assertThat(report.routes()).containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
    assertThat(store.get(GUARDDUTY_LOW)).isPresent();
    assertThat(store.get(INSPECTOR_HIGH)).isEmpty();
    FindingReport inspector = report.findings().get(1);
    assertThat(inspector.ips())
        .extracting(IpDecision::block, IpDecision::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(false, "finding does not match the block route"));
    assertThat(inspector.notification()).isEqualTo(NotificationOutcome.SENT);
    assertThat(report.findings().get(0).notification().describe())
        .contains("below the notify threshold");
  }

  @Test
  void process_shouldDecideEachFindingAsIfItArrivedAlone_whenEventHasSeveral() {
    ObjectNode mixed = mixedEvent();
    List<FindingReport> together = gw.startRun().process(mixed, "e", 0).findings();

    for (int i = 0; i < 2; i++) {
      Guardwall other = guardwall(new InMemoryBlocklistStore(), new RecordingNotifier(null));
      FindingReport single = other.startRun().process(alone(mixed, i), "e", 0).findings().get(0);
      assertThat(single).isEqualTo(together.get(i));
    }
  }

  @Test
  void process_shouldRecheckEveryFinding_whenTheCloudBlockStepGetsTheWholeEvent() {
    EventReport report = gw.startRun(Set.of(Route.BLOCK)).process(mixedEvent(), "e", 0);

    assertThat(store.get(GUARDDUTY_LOW)).isPresent();
    assertThat(store.get(INSPECTOR_HIGH)).isEmpty();
    assertThat(report.findings().get(1).notification().describe())
        .isEqualTo("finding does not match the notify route");
    assertThat(notifier.messages()).isEmpty();
  }

  @Test
  void process_shouldReportAFindingNoRouteWants_withWhyNothingWasDone() {
    ObjectNode event = mixedEvent();
    ((ObjectNode) event.at("/detail/findings/1/Severity")).put("Label", "LOW");

    EventReport report = gw.startRun().process(event, "e", 0);

    assertThat(report.findings()).hasSize(2);
    assertThat(report.findings().get(1).ips()).allSatisfy(d -> assertThat(d.block()).isFalse());
    assertThat(report.findings().get(1).notification().describe())
        .contains("below the notify threshold");
  }
}
