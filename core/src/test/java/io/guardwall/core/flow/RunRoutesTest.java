package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.BlockedIp;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run restricted to some routes, as each cloud state-machine step uses one. */
class RunRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final RecordingNotifier notifier = new RecordingNotifier(null);
  private final DryRunTarget firewall = DryRunTarget.ofCapacity(10_000);
  private final Guardwall gw =
      new Guardwall(
          GuardwallConfig.defaults(),
          new Guardwall.Ports(store, new InMemoryNotificationLog(), List.of(firewall), notifier),
          Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC),
          RetryPolicy.immediate(3));

  private static ObjectNode event() throws Exception {
    return (ObjectNode)
        JSON.readTree(Resources.text(RunRoutesTest.class, "../route/guardduty-network.json"));
  }

  @Test
  void startRun_shouldOnlyRecord_whenRestrictedToBlock() throws Exception {
    Run run = gw.startRun(Set.of(Route.BLOCK));
    EventReport report = run.process(event(), "e", 0);
    assertThat(report.routes()).containsExactly(Route.BLOCK);
    assertThat(run.changed()).isTrue();
    assertThat(run.newlyBlocked())
        .extracting(BlockedIp::cidr)
        .containsExactly(Cidr.ofAddress("198.51.100.23"));
    assertThat(notifier.messages()).isEmpty();
    assertThat(firewall.writes()).isZero();
  }

  @Test
  void startRun_shouldOnlyNotify_whenRestrictedToNotify() throws Exception {
    Run run = gw.startRun(EnumSet.of(Route.NOTIFY));
    EventReport report = run.process(event(), "e", 0);
    assertThat(report.routes()).containsExactly(Route.NOTIFY);
    assertThat(report.findings().get(0).notification()).isEqualTo(NotificationOutcome.SENT);
    assertThat(run.changed()).isFalse();
    assertThat(run.newlyBlocked()).isEmpty();
    assertThat(store.get(Cidr.ofAddress("198.51.100.23"))).isEmpty();
  }

  @Test
  void startRun_shouldDoNothing_whenRestrictedToNoRoute() throws Exception {
    Run run = gw.startRun(Set.of());
    assertThat(run.process(event(), "e", 0).routes()).isEmpty();
    assertThat(run.changed()).isFalse();
    assertThat(notifier.messages()).isEmpty();
  }

  @Test
  void newlyBlocked_shouldNotRepeat_whenTheSameAddressIsSeenAgain() throws Exception {
    gw.startRun(Set.of(Route.BLOCK)).process(event(), "e", 0);
    Run second = gw.startRun(Set.of(Route.BLOCK));
    second.process(event(), "e", 0);
    assertThat(second.changed()).isFalse();
    assertThat(second.newlyBlocked()).isEmpty();
  }
}
