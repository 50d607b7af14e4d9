package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.Action;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The actions people take (issue 8), each recorded in the audit trail, refusals too. */
class ActionsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
  private static final Actor ALICE = Actor.slackUser("U1", "alice");
  private static final Cidr ADDRESS = Cidr.ofAddress("198.51.100.23");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final DryRunTarget firewall = DryRunTarget.ofCapacity(10_000);
  private final AllowListStore allowList = AllowListStore.inMemory();
  private final AuditTrail audit = AuditTrail.inMemory();
  private final RecordingNotifier notifier = new RecordingNotifier(null);
  private final Guardwall gw =
      new Guardwall(
          GuardwallConfig.defaults(),
          new Guardwall.Ports(
              store, new InMemoryNotificationLog(), List.of(firewall), notifier, allowList, audit),
          Clock.fixed(NOW, ZoneOffset.UTC),
          RetryPolicy.immediate(3));
  private final Actions actions = gw.actions();

  @Test
  void unblock_shouldRemoveAndRecord_whenBlocked() {
    block("198.51.100.23", false);

    ActionOutcome outcome = actions.unblock(ALICE, ADDRESS, "partner NAT");

    assertThat(outcome.done()).isTrue();
    assertThat(store.get(ADDRESS)).isEmpty();
    assertThat(audit.since(NOW))
        .containsExactly(
            new AuditRecord(
                NOW,
                ALICE,
                Action.UNBLOCK,
                ADDRESS,
                "partner NAT",
                AuditRecord.Status.DONE,
                "removed from the blocklist"));
  }

  @Test
  void unblock_shouldRefuseNamingTheCoveringEntry_whenOnlyAWiderEntryBlocks() {
    block("198.51.100.0/24", false);

    ActionOutcome outcome = actions.unblock(ALICE, ADDRESS, "");

    assertThat(outcome.done()).isFalse();
    assertThat(outcome.coveredBy()).containsExactly(Cidr.parse("198.51.100.0/24"));
    assertThat(outcome.message()).contains("198.51.100.0/24", "unblock that entry instead");
    assertThat(audit.since(NOW)).singleElement().extracting(AuditRecord::done).isEqualTo(false);
  }

  @Test
  void extend_shouldAddTheConfiguredDay_whenNoDurationGiven() {
    block("198.51.100.23", false);

    ActionOutcome outcome = actions.extend(ALICE, ADDRESS, null, "");

    assertThat(outcome.done()).isTrue();
    assertThat(store.get(ADDRESS).orElseThrow().expiresAt())
        .isEqualTo(NOW.plus(Duration.ofHours(1)).plus(Duration.ofHours(24)));
    assertThat(audit.since(NOW))
        .singleElement()
        .extracting(AuditRecord::action)
        .isEqualTo(Action.EXTEND);
  }

  @Test
  void extend_shouldAddTheGivenDuration() {
    block("198.51.100.23", false);

    actions.extend(ALICE, ADDRESS, Duration.ofDays(7), "");

    assertThat(store.get(ADDRESS).orElseThrow().expiresAt())
        .isEqualTo(NOW.plus(Duration.ofHours(1)).plus(Duration.ofDays(7)));
  }

  @Test
  void extend_shouldRefuse_whenPinnedOrMissing() {
    block("198.51.100.23", true);

    ActionOutcome pinned = actions.extend(ALICE, ADDRESS, null, "");
    ActionOutcome missing = actions.extend(ALICE, Cidr.ofAddress("203.0.113.9"), null, "");

    assertThat(pinned.done()).isFalse();
    assertThat(pinned.message()).contains("is pinned");
    assertThat(missing.done()).isFalse();
    assertThat(missing.message()).isEqualTo("not in the blocklist: 203.0.113.9/32");
    assertThat(audit.since(NOW)).hasSize(2).noneMatch(AuditRecord::done);
  }

  @Test
  void extend_shouldThrowAndRecordNothing_whenDurationNotPositive() {
    block("198.51.100.23", false);

    assertThatThrownBy(() -> actions.extend(ALICE, ADDRESS, Duration.ZERO, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extend");
    assertThat(audit.since(NOW)).isEmpty();
  }

  @Test
  void pin_shouldMakeTheEntryNeverExpire_thenRefuseAgain() {
    block("198.51.100.23", false);

    ActionOutcome first = actions.pin(ALICE, ADDRESS, "keeps scanning");
    ActionOutcome again = actions.pin(ALICE, ADDRESS, "");

    assertThat(first.done()).isTrue();
    assertThat(store.get(ADDRESS).orElseThrow().pinned()).isTrue();
    assertThat(again.done()).isFalse();
    assertThat(again.message()).contains("already pinned");
    assertThat(actions.pin(ALICE, Cidr.ofAddress("203.0.113.9"), "").message())
        .contains("not in the blocklist");
  }

  @Test
  void allow_shouldRemoveOverlappingEntries_andKeepThemOutOfTheFirewall() {
    block("198.51.100.23", false);
    block("198.51.100.0/24", false);
    block("203.0.113.9", false);
    gw.reconcile();

    ActionOutcome outcome = actions.allow(ALICE, ADDRESS, "partner NAT gateway");
    gw.reconcile();

    assertThat(outcome.done()).isTrue();
    assertThat(outcome.entries())
        .extracting(e -> e.cidr().value())
        .containsExactlyInAnyOrder("198.51.100.23/32", "198.51.100.0/24");
    assertThat(store.listActive(NOW))
        .extracting(e -> e.cidr().value())
        .containsExactly("203.0.113.9/32");
    assertThat(firewall.read().blocked().toString()).doesNotContain("198.51.100.");
  }

  @Test
  void block_shouldBeRefused_whenTheAddressIsAllowed() {
    actions.allow(ALICE, ADDRESS, "partner");

    BlockOutcome outcome = gw.block(request("198.51.100.23", false));

    assertThat(outcome).isInstanceOf(BlockOutcome.Refused.class);
    assertThat(((BlockOutcome.Refused) outcome).violation().message()).contains("allow-listed");
  }

  @Test
  void reconcile_shouldLeaveOutAnEntryStoredBehindTheActionsBack_whenAllowed() {
    actions.allow(ALICE, ADDRESS, "partner");
    // Written straight to the store, as a concurrent writer with a stale list could.
    store.upsert(request("198.51.100.23", false));

    var result = gw.reconcile();

    assertThat(result.targets().get(0).refused())
        .extracting(v -> v.cidr().value())
        .containsExactly("198.51.100.23/32");
    assertThat(firewall.read().blocked().toString()).doesNotContain("198.51.100.23");
  }

  @Test
  void process_shouldSkipAFindingsAddressWithTheReason_whenAllowed() throws Exception {
    actions.allow(ALICE, ADDRESS, "partner");
    ObjectNode event =
        (ObjectNode)
            new ObjectMapper()
                .readTree(Resources.text(ActionsTest.class, "../route/guardduty-network.json"));

    Run run = gw.startRun();
    FindingReport finding = run.process(event, "f", 0).findings().get(0);
    run.finish();

    assertThat(finding.ips())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.block()).isFalse();
              assertThat(d.reason()).contains("allow-listed");
            });
    assertThat(store.get(ADDRESS)).isEmpty();
  }

  @Test
  void disallow_shouldLetTheAddressBeBlockedAgain() {
    actions.allow(ALICE, ADDRESS, "partner");

    ActionOutcome outcome = actions.disallow(ALICE, ADDRESS, "contract ended");

    assertThat(outcome.done()).isTrue();
    assertThat(actions.allowed()).isEmpty();
    assertThat(gw.block(request("198.51.100.23", false))).isInstanceOf(BlockOutcome.Recorded.class);
  }

  @Test
  void allow_shouldRefuse_whenReasonEmptyTooWideOrDuplicate() {
    ActionOutcome noReason = actions.allow(ALICE, ADDRESS, "  ");
    ActionOutcome wide4 = actions.allow(ALICE, Cidr.parse("198.0.0.0/15"), "a provider");
    ActionOutcome wide6 = actions.allow(ALICE, Cidr.parse("2001:db8::/47"), "a provider");
    actions.allow(ALICE, ADDRESS, "partner");
    ActionOutcome duplicate = actions.allow(ALICE, ADDRESS, "again");

    assertThat(noReason.message()).contains("allow needs a reason");
    assertThat(wide4.message()).contains("wider than /16");
    assertThat(wide6.message()).contains("wider than /48");
    assertThat(duplicate.message()).contains("already allowed");
    assertThat(List.of(noReason, wide4, wide6, duplicate)).noneMatch(ActionOutcome::done);
    assertThat(actions.allowed())
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).isEqualTo("partner"));
    assertThat(audit.since(NOW)).hasSize(5);
  }

  @Test
  void allow_shouldThrow_whenReasonTooLong() {
    assertThatThrownBy(() -> actions.allow(ALICE, ADDRESS, "x".repeat(501)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 500");
  }

  @Test
  void disallow_shouldRefuse_whenNotAllowedOrOnlyConfigured() {
    ActionOutcome missing = actions.disallow(ALICE, ADDRESS, "");

    assertThat(missing.done()).isFalse();
    assertThat(missing.message()).isEqualTo("198.51.100.23/32 is not on the allow-list");
  }

  @Test
  void history_shouldFilterByOverlappingCidr() {
    actions.allow(ALICE, ADDRESS, "partner");
    actions.disallow(ALICE, Cidr.ofAddress("203.0.113.9"), "");

    assertThat(actions.history(NOW, Cidr.parse("198.51.100.0/24")))
        .singleElement()
        .extracting(AuditRecord::action)
        .isEqualTo(Action.ALLOW);
    assertThat(actions.history(NOW.plusSeconds(1), null)).isEmpty();
  }

  private void block(String cidr, boolean pinned) {
    gw.block(request(cidr, pinned));
  }

  private static BlockRequest request(String cidr, boolean pinned) {
    return BlockRequest.manual(
        Cidr.parse(cidr), NOW, NOW.plus(Duration.ofHours(1)), SeverityLevel.HIGH, pinned);
  }
}
