package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.slack.BlockedIp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manual block, unblock and reconcile use cases under the safety rule (issue 12). */
class GuardwallUseCasesTest {

  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final DryRunTarget firewall = DryRunTarget.ofCapacity(10_000);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0/0",
        "::/0",
        "10.0.0.0/16",
        "10.0.0.1",
        "169.254.169.254",
        "127.0.0.1",
        "::1",
        "::ffff:0:0/96",
        "64:ff9b::10.0.0.1",
        "2002:a00:1::",
        "::/64"
      })
  void block_shouldRefuseAndWriteNothing_whenCidrBreaksTheSafetyRule(String cidr) {
    BlockOutcome outcome = guardwall(GuardwallConfig.defaults()).block(manual(cidr));

    assertThat(outcome).isInstanceOf(BlockOutcome.Refused.class);
    assertThat(store.listActive(NOW)).isEmpty();
  }

  @Test
  void block_shouldRefuse_whenAllowListedInAnotherForm() {
    Guardwall gw = guardwall(config("{\"allowList\":[\"::ffff:203.0.113.0/120\"]}"));

    BlockOutcome outcome = gw.block(manual("64:ff9b::203.0.113.66"));

    assertThat(((BlockOutcome.Refused) outcome).violation().kind())
        .isEqualTo(Violation.Kind.ALLOW_LISTED);
  }

  @Test
  void block_shouldStoreTheIpv4Entry_whenGivenAMappedAddress() {
    Guardwall gw = guardwall(GuardwallConfig.defaults());

    gw.block(manual("::ffff:198.51.100.7/128"));

    assertThat(store.listActive(NOW))
        .extracting(e -> e.cidr().value())
        .containsExactly("198.51.100.7/32");
    assertThat(gw.unblock(Cidr.ofAddress("198.51.100.7")))
        .isInstanceOf(UnblockOutcome.Removed.class);
  }

  @Test
  void unblock_shouldNameTheCoveringEntry_whenAddressIsInsideABlockedRange() {
    Guardwall gw = guardwall(GuardwallConfig.defaults());
    gw.block(manual("198.51.100.0/24"));

    UnblockOutcome outcome = gw.unblock(Cidr.ofAddress("198.51.100.7"));

    assertThat(((UnblockOutcome.NotBlocked) outcome).coveredBy())
        .containsExactly(Cidr.parse("198.51.100.0/24"));
  }

  @Test
  void reconcile_shouldRefuseAndReport_whenStoredEntryWasAllowListedLater() {
    guardwall(GuardwallConfig.defaults()).block(manual("203.0.113.66"));
    Guardwall later = guardwall(config("{\"allowList\":[\"203.0.113.0/24\"]}"));

    TargetsResult result = later.reconcile();

    assertThat(result.targets().get(0).blocked()).isEmpty();
    assertThat(result.targets().get(0).refused())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("allow-listed (in 203.0.113.0/24)"));
    assertThat(later.status().targets().get(0).refused()).hasSize(1);
  }

  @Test
  void status_shouldBeInSync_whenTheLastEntryWasUnblockedAndReconciled() {
    Guardwall gw = guardwall(GuardwallConfig.defaults());
    gw.block(manual("198.51.100.9"));
    gw.unblock(Cidr.parse("198.51.100.9"));

    gw.reconcile();

    assertThat(firewall.read().blocked()).isEmpty();
    assertThat(gw.status().targets().get(0).extra()).isEmpty();
    assertThat(gw.status().targets().get(0).inSync()).isTrue();
  }

  @Test
  void reconcile_shouldNeverRenderIt_whenAStoredRowWasEditedToTheWholeInternet() {
    store.upsert(manual("0.0.0.0/0"));
    store.upsert(manual("198.51.100.9"));

    TargetsResult result = guardwall(GuardwallConfig.defaults()).reconcile();

    assertThat(result.targets().get(0).blocked())
        .extracting(Cidr::value)
        .containsExactly("198.51.100.9/32");
    assertThat(result.targets().get(0).refused())
        .extracting(v -> v.cidr().value())
        .containsExactly("0.0.0.0/0");
    assertThat(firewall.read().blocked().toString()).doesNotContain("0.0.0.0/0");
  }

  @Test
  void reconcile_shouldReportAdded_onlyWhatTheGroupDidNotBlockBefore() {
    Guardwall gw = guardwall(GuardwallConfig.defaults());
    store.upsert(manual("198.51.100.1"));
    TargetsResult first = gw.reconcile();
    store.upsert(manual("198.51.100.2"));
    store.upsert(manual("198.51.100.1"));

    TargetsResult second = gw.reconcile();
    TargetsResult third = gw.reconcile();

    assertThat(first.added()).extracting(e -> e.cidr().value()).containsExactly("198.51.100.1/32");
    assertThat(second.added())
        .as("a refreshed entry the group already blocks is not added again")
        .extracting(e -> e.cidr().value())
        .containsExactly("198.51.100.2/32");
    assertThat(third.added()).isEmpty();
  }

  @Test
  void reconcile_shouldNotReportAdded_whatCapacityLeftOut() {
    // Capacity 2 holds one CIDR in each of the two rules.
    Guardwall gw =
        guardwall(
            config("{\"firewall\":{\"capacity\":2}}"),
            new RecordingNotifier(null),
            DryRunTarget.ofCapacity(2));
    store.upsert(manual("198.51.100.1"));
    store.upsert(manual("203.0.113.9"));

    TargetsResult result = gw.reconcile();

    assertThat(result.targets().get(0).evicted()).hasSize(1);
    assertThat(result.added())
        .hasSize(1)
        .doesNotContainAnyElementsOf(result.targets().get(0).evicted());
  }

  @Test
  void postDigest_shouldPostNothing_whenTheNotifierCannotPost() {
    RecordingNotifier notifier = new RecordingNotifier(null);
    Notifier unconfigured =
        new Notifier() {
          @Override
          public void send(io.guardwall.core.slack.SlackMessage message) {
            notifier.send(message);
          }

          @Override
          public java.util.Optional<String> unavailable() {
            return java.util.Optional.of("no webhook URL yet");
          }
        };

    DigestOutcome digest =
        guardwall(GuardwallConfig.defaults(), unconfigured)
            .postDigest(List.of(blocked("198.51.100.1")));

    assertThat(digest.delivered()).isFalse();
    assertThat(digest.failures()).singleElement().asString().contains("no webhook URL yet");
    assertThat(notifier.messages()).isEmpty();
  }

  @Test
  void postMaintenanceDigest_shouldSendTheAddedDigestThenTheSummary() {
    RecordingNotifier notifier = new RecordingNotifier(null);
    MaintenanceDigest input =
        new MaintenanceDigest(
            List.of(Cidr.parse("198.51.100.7/32")),
            3,
            List.of(),
            0,
            List.of(blocked("198.51.100.1")),
            1);

    DigestOutcome digest =
        guardwall(GuardwallConfig.defaults(), notifier).postMaintenanceDigest(input);

    assertThat(digest.delivered()).isTrue();
    assertThat(notifier.messages())
        .extracting(io.guardwall.core.slack.SlackMessage::kind)
        .containsExactly(
            io.guardwall.core.slack.SlackMessage.Kind.BLOCKED,
            io.guardwall.core.slack.SlackMessage.Kind.MAINTENANCE);
    assertThat(notifier.messages().get(1).payload().toString())
        .contains("3 addresses expired", "198.51.100.7/32", "and 2 more");
  }

  @Test
  void postMaintenanceDigest_shouldSendNothing_whenNothingHappened() {
    RecordingNotifier notifier = new RecordingNotifier(null);

    DigestOutcome digest =
        guardwall(GuardwallConfig.defaults(), notifier)
            .postMaintenanceDigest(new MaintenanceDigest(List.of(), 0, List.of(), 0, List.of(), 0));

    assertThat(digest.messages()).isZero();
    assertThat(notifier.messages()).isEmpty();
  }

  @Test
  void postDigest_shouldReportTheFailure_whenSlackRefuses() {
    Notifier refusing =
        m -> {
          throw new NotifyException("HTTP 404 no_service", null);
        };

    DigestOutcome digest =
        guardwall(GuardwallConfig.defaults(), refusing)
            .postDigest(List.of(blocked("198.51.100.1")));

    assertThat(digest.delivered()).isFalse();
    assertThat(digest.failures()).singleElement().asString().contains("no_service");
  }

  @Test
  void maintain_shouldPruneExpiredThenReconcile() {
    store.upsert(manual("198.51.100.1"));
    store.upsert(
        BlockRequest.manual(
            Cidr.parse("198.51.100.9/32"),
            NOW.minusSeconds(7200),
            NOW.minusSeconds(1),
            SeverityLevel.HIGH,
            false));

    Maintenance m = guardwall(GuardwallConfig.defaults()).maintain();

    assertThat(m.pruned()).extracting(e -> e.cidr().value()).containsExactly("198.51.100.9/32");
    assertThat(m.reconcile().targets().get(0).blocked())
        .extracting(Cidr::value)
        .containsExactly("198.51.100.1/32");
  }

  private static BlockedIp blocked(String address) {
    return new BlockedIp(
        Cidr.ofAddress(address),
        NOW.plusSeconds(3600),
        "f-1",
        "Recon:EC2/PortProbeUnprotectedPort",
        SeverityLevel.HIGH,
        null,
        null,
        null,
        false);
  }

  private Guardwall guardwall(GuardwallConfig config) {
    return guardwall(config, new RecordingNotifier(null));
  }

  private Guardwall guardwall(GuardwallConfig config, Notifier notifier) {
    return guardwall(config, notifier, firewall);
  }

  private Guardwall guardwall(
      GuardwallConfig config, Notifier notifier, EnforcementPoint firewall) {
    return new Guardwall(
        config,
        new Guardwall.Ports(store, new InMemoryNotificationLog(), List.of(firewall), notifier),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RetryPolicy.immediate(3));
  }

  private static BlockRequest manual(String cidr) {
    Cidr c = cidr.contains("/") ? Cidr.parse(cidr) : Cidr.ofAddress(cidr);
    return BlockRequest.manual(c, NOW, NOW.plusSeconds(3600), SeverityLevel.HIGH, false);
  }

  private static GuardwallConfig config(String json) {
    try {
      return ConfigReader.read(new ObjectMapper().readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
