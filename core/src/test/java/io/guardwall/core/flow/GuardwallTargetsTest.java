package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FlakyTarget;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Guardwall over several enforcement points: one desired state rendered to each. */
class GuardwallTargetsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final DryRunTarget wide = new DryRunTarget("wide", CidrBudget.shared(100));
  private final DryRunTarget narrow = new DryRunTarget("narrow", CidrBudget.shared(1));
  private final FlakyTarget broken =
      new FlakyTarget(
          new DryRunTarget("broken", CidrBudget.shared(100)),
          new FirewallException("access denied", null));

  private Guardwall guardwall(List<EnforcementPoint> targets) {
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(
            store, new InMemoryNotificationLog(), targets, new RecordingNotifier(null)),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RetryPolicy.immediate(2));
  }

  private void block(String cidr, SeverityLevel severity) {
    store.upsert(Sighting.of(cidr, NOW).severity(severity).build());
  }

  @Test
  void ports_shouldRefuse_whenThereIsNoTarget() {
    assertThatThrownBy(() -> guardwall(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one enforcement point");
  }

  @Test
  void ports_shouldRefuseNamingIt_whenTwoTargetsShareAName() {
    DryRunTarget twin = new DryRunTarget("wide", CidrBudget.shared(5));

    assertThatThrownBy(() -> guardwall(List.of(wide, narrow, twin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wide")
        .hasMessageContaining("given twice");
  }

  @Test
  void reconcile_shouldConvergeTheOthersAndNameTheFailingOne_whenOneOfThreeFails() {
    block("198.51.100.1/32", SeverityLevel.HIGH);

    TargetsResult result = guardwall(List.of(wide, broken, narrow)).reconcile();

    assertThat(result.targets())
        .extracting(TargetReport::name)
        .containsExactly("wide", "broken", "narrow");
    assertThat(result.failures())
        .singleElement()
        .satisfies(t -> assertThat(t.error()).contains("broken", "access denied"));
    assertThat(wide.read().blocked()).containsExactly(Cidr.parse("198.51.100.1/32"));
    assertThat(narrow.read().blocked()).containsExactly(Cidr.parse("198.51.100.1/32"));
    assertThat(result.added()).extracting(e -> e.cidr().value()).containsExactly("198.51.100.1/32");
  }

  @Test
  void reconcile_shouldReportPerTarget_roomLeftOutAndRefused() {
    block("198.51.100.1/32", SeverityLevel.HIGH);
    block("203.0.113.9/32", SeverityLevel.LOW);
    block("10.0.0.1/32", SeverityLevel.HIGH); // non-public: the safety rule refuses it everywhere

    TargetsResult result = guardwall(List.of(wide, narrow)).reconcile();

    TargetReport w = result.targets().get(0);
    TargetReport n = result.targets().get(1);
    assertThat(w.blocked()).hasSize(2);
    assertThat(w.budget()).isEqualTo(CidrBudget.shared(100));
    assertThat(w.evicted()).isEmpty();
    assertThat(n.blocked()).containsExactly(Cidr.parse("198.51.100.1/32"));
    assertThat(n.evicted()).extracting(e -> e.cidr().value()).containsExactly("203.0.113.9/32");
    assertThat(List.of(w, n))
        .allSatisfy(
            t ->
                assertThat(t.refused())
                    .extracting(v -> v.cidr().value())
                    .containsExactly("10.0.0.1/32"));
    assertThat(List.of(w, n)).allMatch(TargetReport::updated);
  }

  @Test
  void status_shouldShowDriftPerTarget_untilReconciled() {
    Guardwall gw = guardwall(List.of(wide, narrow));
    block("198.51.100.1/32", SeverityLevel.HIGH);

    TargetsResult before = gw.status();
    gw.reconcile();
    TargetsResult after = gw.status();

    assertThat(before.targets())
        .allSatisfy(
            t -> {
              assertThat(t.inSync()).isFalse();
              assertThat(t.missing()).containsExactly(Cidr.parse("198.51.100.1/32"));
              assertThat(t.updated()).isFalse();
            });
    assertThat(wide.writes()).isEqualTo(1);
    assertThat(after.targets()).allMatch(TargetReport::inSync);
  }

  @Test
  void status_shouldNameTheTargetThatCannotBeRead_andCompareTheOthers() {
    block("198.51.100.1/32", SeverityLevel.HIGH);

    TargetsResult result = guardwall(List.of(broken, wide)).status();

    assertThat(result.failures()).extracting(TargetReport::name).containsExactly("broken");
    assertThat(result.targets().get(1).missing()).hasSize(1);
    assertThat(wide.writes()).isZero();
  }

  @Test
  void reconcile_shouldBringTheFailedTargetInLine_whenItIsBackUp() {
    FlakyTarget flaky =
        FlakyTarget.retryable(new DryRunTarget("flaky", CidrBudget.shared(9)), "HTTP 503");
    Guardwall gw = guardwall(List.of(wide, flaky));
    block("198.51.100.0/32", SeverityLevel.HIGH);
    block("198.51.100.1/32", SeverityLevel.HIGH);

    TargetsResult failed = gw.reconcile();
    flaky.up();
    TargetsResult retried = gw.reconcile();

    assertThat(failed.failures())
        .singleElement()
        .satisfies(t -> assertThat(t.error()).contains("flaky", "failed after 2 attempts"));
    assertThat(retried.failures()).isEmpty();
    assertThat(retried.targets().get(0).updated()).as("already in line").isFalse();
    assertThat(flaky.read().blocked()).containsExactly(Cidr.parse("198.51.100.0/31"));
  }

  @Test
  void reconcile_shouldReadTheAllowListOnce_whateverTheNumberOfTargets() {
    AtomicInteger reads = new AtomicInteger();
    AllowListStore real = AllowListStore.inMemory();
    AllowListStore counting =
        new AllowListStore() {
          @Override
          public boolean add(AllowedCidr allowed) {
            return real.add(allowed);
          }

          @Override
          public boolean remove(Cidr cidr) {
            return real.remove(cidr);
          }

          @Override
          public List<AllowedCidr> list() {
            reads.incrementAndGet();
            return real.list();
          }
        };
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(
                store,
                new InMemoryNotificationLog(),
                List.of(wide, narrow),
                new RecordingNotifier(null),
                counting,
                AuditTrail.inMemory()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            RetryPolicy.immediate(2));
    block("198.51.100.1/32", SeverityLevel.HIGH);

    gw.reconcile();
    gw.status();

    assertThat(reads).hasValue(2);
  }
}
