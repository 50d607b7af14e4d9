package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Events;
import org.junit.jupiter.api.Test;

/** The block state machine's tasks in order, each given the input its state sends. */
class BlockFlowHandlersTest {

  private final Fixture f = new Fixture();
  private final RecordHandler record = new RecordHandler(f.guardwall(), f.metrics);
  private final ReconcileHandler reconcile = new ReconcileHandler(f.guardwall(), f.metrics);
  private final NotifyBlockedHandler notify = new NotifyBlockedHandler(f.guardwall(), f.metrics);

  @Test
  void record_shouldReportNewlyBlockedAndChanged_whenTheAddressIsNew() throws Exception {
    JsonNode out = record.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    assertThat(out.path("changed").asBoolean()).isTrue();
    assertThat(out.path("newlyBlocked")).hasSize(1);
    JsonNode blocked = out.path("newlyBlocked").get(0);
    assertThat(blocked.path("cidr").asText()).isEqualTo("203.0.113.66/32");
    assertThat(blocked.path("severity").asText()).isEqualTo("HIGH");
    assertThat(blocked.path("expiresAt").asText()).isEqualTo("2026-11-28T18:00:00Z");
    assertThat(f.store.get(Cidr.ofAddress("203.0.113.66"))).isPresent();
    assertThat(f.notifier.messages()).as("record never notifies").isEmpty();
    assertThat(f.firewall.ruleGroup()).as("record never writes the firewall").isEmpty();
    assertThat(f.metrics.value("Blocked")).isEqualTo(1);
  }

  @Test
  void record_shouldReportUnchanged_whenTheAddressIsKnown() throws Exception {
    record.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    JsonNode again = record.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    assertThat(again.path("changed").asBoolean()).isFalse();
    assertThat(again.path("newlyBlocked")).isEmpty();
    assertThat(f.store.get(Cidr.ofAddress("203.0.113.66")).orElseThrow().hits()).isEqualTo(2);
  }

  @Test
  void record_shouldRecordNothing_whenTheFindingHasNoRemoteAddress() throws Exception {
    JsonNode out = record.handle(Fixture.sample("17-guardduty-dns-exfiltration-no-ip.json"));
    assertThat(out.path("changed").asBoolean()).isFalse();
    assertThat(out.path("newlyBlocked")).isEmpty();
  }

  @Test
  void record_shouldRecordOnlyTheGuardDutyFinding_whenEventBridgeDeliversAMixedEvent() {
    JsonNode out = record.handle(Events.guardDutyBesideInspector());
    assertThat(out.path("newlyBlocked")).hasSize(1);
    assertThat(out.at("/newlyBlocked/0/cidr").asText()).isEqualTo("198.51.100.150/32");
    assertThat(f.store.get(Cidr.ofAddress("203.0.113.180"))).isEmpty();
    assertThat(out.at("/report/findings/1/ips/0/reason").asText())
        .isEqualTo("finding does not match the block route");
  }

  @Test
  void record_shouldSkipPrivateAddresses_andSayWhy() throws Exception {
    JsonNode out = record.handle(Fixture.sample("12-skip-private-remote-ip.json"));
    assertThat(out.path("changed").asBoolean()).isFalse();
    assertThat(out.at("/report/findings/0/ips/0/decision").asText()).isEqualTo("skip");
    assertThat(f.metrics.value("Skipped")).isPositive();
  }

  @Test
  void record_shouldFailTheTask_whenTheEventIsNotAnEvent() throws Exception {
    assertThatThrownBy(() -> record.handle(Fixture.json("[1, 2]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event rejected");
    assertThatThrownBy(() -> record.handle(Fixture.json("\"" + "x".repeat(100_000) + "\"")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reconcile_shouldRenderTheBlocklistAndPublishCapacity() throws Exception {
    record.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    JsonNode out =
        reconcile.handle(Fixture.json("{\"trigger\":\"block\",\"execution\":\"arn:x\"}"));
    assertThat(out.path("updated").asBoolean()).isTrue();
    assertThat(out.path("blocked").asInt()).isEqualTo(1);
    assertThat(out.path("evicted").isArray()).isTrue();
    assertThat(out.path("evicted")).isEmpty();
    assertThat(out.path("capacity").asInt()).isEqualTo(10_000);
    assertThat(f.firewall.ruleGroup().orElseThrow().toString()).contains("203.0.113.66/32");
    assertThat(f.metrics.value("CapacityUsedPercent"))
        .isEqualTo(100.0 * out.path("capacityUsed").asInt() / 10_000);
    assertThat(f.metrics.value("EntriesEvicted")).isZero();
    assertThat(f.metrics.value("ReconcileConflicts")).isZero();
  }

  @Test
  void notifyBlocked_shouldSendOneDigest_ofWhatRecordReturned() throws Exception {
    JsonNode recorded = record.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    JsonNode reconciled = reconcile.handle(Fixture.json("{}"));
    ObjectNode input = Fixture.JSON.createObjectNode();
    input.set("newlyBlocked", recorded.path("newlyBlocked"));
    input.set("evicted", reconciled.path("evicted"));
    JsonNode out = notify.handle(input);
    assertThat(out.path("notified").asInt()).isEqualTo(1);
    assertThat(f.notifier.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(SlackMessage.Kind.BLOCKED);
              assertThat(m.payload().toString()).contains("203.0.113.66");
            });
  }

  @Test
  void notifyBlocked_shouldListEveryAddress_whenMoreThanOneDigestHolds() throws Exception {
    ObjectNode input = Fixture.JSON.createObjectNode();
    var list = input.putArray("newlyBlocked");
    for (int i = 0; i < 120; i++) {
      list.addObject().put("cidr", "11.0." + i + ".1/32").put("severity", "HIGH");
    }
    input.putArray("evicted");
    assertThat(notify.handle(input).path("notified").asInt()).isEqualTo(120);
    assertThat(f.notifier.messages()).hasSize(3);
    String all = f.notifier.messages().toString();
    for (int i = 0; i < 120; i++) {
      assertThat(all).contains("*11.0." + i + ".1*");
    }
    assertThat(f.metrics.value("Notified")).isEqualTo(3.0);
  }

  @Test
  void notifyBlocked_shouldLeaveOutEvicted_andSendNothingWhenNoneRemain() throws Exception {
    JsonNode recorded = record.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    ObjectNode input = Fixture.JSON.createObjectNode();
    input.set("newlyBlocked", recorded.path("newlyBlocked"));
    input.putArray("evicted").add("203.0.113.66/32");
    assertThat(notify.handle(input).path("notified").asInt()).isZero();
    assertThat(f.notifier.messages()).isEmpty();
  }

  @Test
  void notifyBlocked_shouldNameTheBadItem_whenTheListIsMalformed() throws Exception {
    assertThatThrownBy(
            () ->
                notify.handle(
                    Fixture.json(
                        "{\"newlyBlocked\":[{\"cidr\":\"10.0.0.0/99\",\"severity\":\"HIGH\"}],\"evicted\":[]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newlyBlocked[0]");
    assertThatThrownBy(() -> notify.handle(Fixture.json("{\"newlyBlocked\":\"x\"}")))
        .hasMessageContaining("must be an array");
    assertThatThrownBy(
            () -> notify.handle(Fixture.json("{\"newlyBlocked\":[{\"cidr\":\"203.0.113.1/32\"}]}")))
        .hasMessageContaining("severity missing");
    assertThatThrownBy(
            () ->
                notify.handle(
                    Fixture.json(
                        "{\"newlyBlocked\":[{\"cidr\":\"203.0.113.1/32\",\"severity\":\"HIGH\",\"expiresAt\":\"soon\"}]}")))
        .hasMessageContaining("expiresAt");
  }
}
