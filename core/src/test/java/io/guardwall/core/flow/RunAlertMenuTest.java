package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Finding alerts carry the action menu of each address the finding blocked (issue 8). */
class RunAlertMenuTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BLOCKED = "unblock 198.51.100.23/32";

  private final List<SlackMessage> sent = new ArrayList<>();
  private final Notifier slack = sent::add;

  private Guardwall guardwall(boolean menus) {
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(
            new InMemoryBlocklistStore(),
            new InMemoryNotificationLog(),
            List.of(DryRunTarget.ofCapacity(1_000)),
            slack),
        Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC),
        RetryPolicy.immediate(1),
        menus);
  }

  private static JsonNode finding() throws Exception {
    return JSON.readTree(Resources.text(RunAlertMenuTest.class, "../route/guardduty-network.json"));
  }

  private List<String> alertMenuValues() {
    List<String> values = new ArrayList<>();
    sent.stream()
        .filter(m -> m.kind() == SlackMessage.Kind.FINDING)
        .forEach(
            m ->
                m.payload()
                    .at("/attachments/0/blocks")
                    .forEach(b -> values.add(b.at("/accessory/options/0/value").asText(""))));
    values.removeIf(String::isEmpty);
    return values;
  }

  @Test
  void process_shouldPutAMenuOnTheAlert_whenTheFindingBlockedAnAddress() throws Exception {
    guardwall(true).startRun().process(finding(), "e", 0);

    assertThat(alertMenuValues()).containsExactly(BLOCKED);
  }

  @Test
  void sendAlerts_shouldPutAMenuOnTheAlert_whenTheBatchHeldIt() throws Exception {
    Run batch = guardwall(true).startBatch();
    batch.process(finding(), "e", 0);
    batch.process(finding(), "f", 0);
    batch.sendAlerts(() -> true);

    assertThat(alertMenuValues()).containsExactly(BLOCKED);
  }

  @Test
  void process_shouldPutNoMenuOnTheAlert_whenTheRunOnlyNotifies() throws Exception {
    guardwall(true).startRun(Set.of(Route.NOTIFY)).process(finding(), "e", 0);

    assertThat(sent).isNotEmpty();
    assertThat(alertMenuValues()).isEmpty();
  }

  @Test
  void process_shouldPutNoMenuOnTheAlert_whenMenusAreOff() throws Exception {
    guardwall(false).startRun().process(finding(), "e", 0);

    assertThat(sent).isNotEmpty();
    assertThat(alertMenuValues()).isEmpty();
  }
}
