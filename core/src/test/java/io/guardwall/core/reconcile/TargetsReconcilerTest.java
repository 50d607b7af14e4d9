package io.guardwall.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import io.guardwall.core.testing.ForwardingTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TargetsReconcilerTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final DryRunTarget wide = new DryRunTarget(CidrBudget.shared(100));
  private final DryRunTarget narrow = new DryRunTarget(CidrBudget.shared(1));

  private TargetsReconciler reconciler(EnforcementPoint... targets) {
    return new TargetsReconciler(
        List.of(targets),
        store,
        new TargetSelector(SafetyRule.of(GuardwallConfig.defaults())),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RetryPolicy.immediate(3));
  }

  private void block(String cidr, SeverityLevel severity) {
    store.upsert(Sighting.of(cidr, NOW).severity(severity).build());
  }

  @Test
  void reconcile_shouldWriteEachTargetOnce_thenFindNothingToDo() {
    block("198.51.100.1/32", SeverityLevel.HIGH);
    TargetsReconciler r = reconciler(wide, narrow);

    TargetsResult first = r.reconcile();
    TargetsResult second = r.reconcile();

    assertThat(first.targets()).allMatch(TargetReport::updated);
    assertThat(first.added()).extracting(e -> e.cidr().value()).containsExactly("198.51.100.1/32");
    assertThat(second.updated()).isFalse();
    assertThat(second.added()).isEmpty();
    assertThat(wide.writes()).isEqualTo(1);
  }

  @Test
  void reconcile_shouldEvictPerTarget_whenOneTargetHasLessRoom() {
    block("198.51.100.1/32", SeverityLevel.HIGH);
    block("203.0.113.7/32", SeverityLevel.LOW);

    TargetsResult result = reconciler(wide, narrow).reconcile();

    assertThat(result.targets().get(0).evicted()).isEmpty();
    assertThat(result.targets().get(1).evicted())
        .extracting(e -> e.cidr().value())
        .containsExactly("203.0.113.7/32");
    assertThat(narrow.read().blocked()).containsExactly(Cidr.parse("198.51.100.1/32"));
    assertThat(result.added()).hasSize(2);
  }

  @Test
  void reconcile_shouldReportTheFailingTargetByName_andConvergeTheOthers() {
    block("198.51.100.1/32", SeverityLevel.HIGH);

    TargetsResult result = reconciler(new Broken(), wide).reconcile();

    assertThat(result.failures()).extracting(TargetReport::name).containsExactly("broken-target");
    assertThat(result.failures().get(0).error()).contains("broken-target", "access denied");
    assertThat(wide.read().blocked()).containsExactly(Cidr.parse("198.51.100.1/32"));
    assertThat(result.targets().get(1).failed()).isFalse();
  }

  @Test
  void reconcile_shouldFailTheTarget_whenRetriesAreExhausted() {
    block("198.51.100.1/32", SeverityLevel.HIGH);
    Throttled throttled = new Throttled(wide, Integer.MAX_VALUE);

    TargetReport report = reconciler(throttled).reconcile().targets().get(0);

    assertThat(report.failed()).isTrue();
    assertThat(report.attempts()).isEqualTo(3);
    assertThat(report.error()).contains("failed after 3 attempts");
  }

  @Test
  void reconcile_shouldRetryAndCountConflicts_whenTheVersionMoved() {
    block("198.51.100.1/32", SeverityLevel.HIGH);
    Throttled racing = new Throttled(wide, 1);

    TargetReport report = reconciler(racing).reconcile().targets().get(0);

    assertThat(report.attempts()).isEqualTo(2);
    assertThat(report.conflicts()).isEqualTo(1);
    assertThat(wide.read().blocked()).containsExactly(Cidr.parse("198.51.100.1/32"));
  }

  @Test
  void reconcile_shouldNotWrite_whenTheTargetHoldsTheSameAddressesUnmerged() {
    block("198.51.100.0/32", SeverityLevel.HIGH);
    block("198.51.100.1/32", SeverityLevel.HIGH);
    wide.apply(wide.read(), List.of(Cidr.parse("198.51.100.0/32"), Cidr.parse("198.51.100.1/32")));

    TargetReport report = reconciler(wide).reconcile().targets().get(0);

    assertThat(report.updated()).isFalse();
    assertThat(report.missing()).isEmpty();
    assertThat(report.extra()).isEmpty();
  }

  @Test
  void status_shouldReportMissingAndExtraWithoutWriting() {
    wide.apply(wide.read(), List.of(Cidr.parse("192.0.2.9/32")));
    block("198.51.100.1/32", SeverityLevel.HIGH);

    TargetReport report = reconciler(wide).status().targets().get(0);

    assertThat(report.missing()).containsExactly(Cidr.parse("198.51.100.1/32"));
    assertThat(report.extra()).containsExactly(Cidr.parse("192.0.2.9/32"));
    assertThat(report.inSync()).isFalse();
    assertThat(wide.writes()).isEqualTo(1);
  }

  @Test
  void request_shouldReconcileEveryTarget_whenCoalesced() {
    block("198.51.100.1/32", SeverityLevel.HIGH);

    TargetsResult result = CoalescingReconciler.of(reconciler(wide, narrow)).request();

    assertThat(result.targets()).hasSize(2).allMatch(TargetReport::updated);
    assertThat(narrow.read().blocked()).containsExactly(Cidr.parse("198.51.100.1/32"));
  }

  /** A target that cannot be read for good. */
  private static final class Broken implements EnforcementPoint {
    @Override
    public String name() {
      return "broken-target";
    }

    @Override
    public TargetKind kind() {
      return TargetKind.NETWORK_FIREWALL;
    }

    @Override
    public TargetSnapshot read() {
      throw new FirewallException("access denied", null);
    }

    @Override
    public void apply(TargetSnapshot base, List<Cidr> blocked) {
      throw new AssertionError("never written");
    }
  }

  /** A target whose first {@code failures} writes fail: conflicts once, then throttled. */
  private static final class Throttled extends ForwardingTarget {
    private final int failures;
    private final AtomicInteger writes = new AtomicInteger();

    Throttled(EnforcementPoint real, int failures) {
      super(real);
      this.failures = failures;
    }

    @Override
    public void apply(TargetSnapshot base, List<Cidr> blocked) {
      int n = writes.incrementAndGet();
      if (n == 1 && failures == 1) {
        throw new FirewallConflictException("stale", null);
      }
      if (n <= failures) {
        throw new FirewallRetryableException("throttled", null);
      }
      super.apply(base, blocked);
    }
  }
}
