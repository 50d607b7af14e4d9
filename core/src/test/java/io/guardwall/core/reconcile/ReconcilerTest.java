package io.guardwall.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.local.DryRunFirewall;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.plan.RuleGroupLayout;
import io.guardwall.core.plan.RuleGroupPlanner;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.FirewallSnapshot;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final RuleGroupPlanner planner =
      new RuleGroupPlanner(
          RuleGroupLayout.defaults(),
          io.guardwall.core.policy.SafetyRule.of(
              io.guardwall.core.config.GuardwallConfig.defaults()));

  private void block(String ip) {
    store.upsert(
        BlockRequest.manual(
            Cidr.ofAddress(ip), NOW, NOW.plus(Duration.ofHours(1)), SeverityLevel.HIGH, false));
  }

  @Test
  void reconcile_shouldWriteOnce_thenFindNothingToDo() {
    DryRunFirewall fw = new DryRunFirewall(100);
    Reconciler r = new Reconciler(fw, store, planner, clock, RetryPolicy.immediate(3));
    block("198.51.100.1");
    assertThat(r.reconcile().updated()).isTrue();
    assertThat(r.reconcile().updated()).isFalse();
    assertThat(fw.updates()).isEqualTo(1);
    assertThat(fw.ruleGroup().orElseThrow().toString()).contains("198.51.100.1/32");
  }

  @Test
  void reconcile_shouldRereadDesiredState_whenConflictRetried() {
    DryRunFirewall real = new DryRunFirewall(100);
    AtomicInteger calls = new AtomicInteger();
    io.guardwall.core.port.Firewall racing =
        new io.guardwall.core.port.Firewall() {
          @Override
          public FirewallSnapshot describe() {
            return real.describe();
          }

          @Override
          public void update(FirewallSnapshot base, ObjectNode group) {
            if (calls.incrementAndGet() == 1) {
              block("203.0.113.9"); // another worker recorded an entry meanwhile
              throw new FirewallConflictException("stale token", null);
            }
            real.update(base, group);
          }
        };
    block("198.51.100.1");
    ReconcileResult result =
        new Reconciler(racing, store, planner, clock, RetryPolicy.immediate(3)).reconcile();
    assertThat(result.conflicts()).isEqualTo(1);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(real.ruleGroup().orElseThrow().toString()).contains("203.0.113.9/32");
  }

  @Test
  void reconcile_shouldFailClearly_whenRetriesExhausted() {
    io.guardwall.core.port.Firewall throttled =
        new io.guardwall.core.port.Firewall() {
          @Override
          public FirewallSnapshot describe() {
            return new FirewallSnapshot(null, 100, "t");
          }

          @Override
          public void update(FirewallSnapshot base, ObjectNode group) {
            throw new FirewallRetryableException("ThrottlingException", null);
          }
        };
    block("198.51.100.1");
    Reconciler r = new Reconciler(throttled, store, planner, clock, RetryPolicy.immediate(4));
    assertThatThrownBy(r::reconcile)
        .isInstanceOf(ReconcileException.class)
        .hasMessageContaining("after 4 attempts")
        .hasMessageContaining("ThrottlingException");
    assertThat(store.listActive(NOW)).hasSize(1);
  }

  @Test
  void delayAfter_shouldStayWithinExponentialBound() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));
    for (int i = 0; i < 100; i++) {
      assertThat(p.delayAfter(1).toMillis()).isBetween(0L, 100L);
      assertThat(p.delayAfter(3).toMillis()).isBetween(0L, 400L);
      assertThat(p.delayAfter(30).toMillis()).isBetween(0L, 1000L);
    }
  }

  @Test
  void pause_shouldSleepTheJitteredDelay_onTheGivenSleeper() {
    List<Duration> slept = new ArrayList<>();
    RetryPolicy p =
        new RetryPolicy(
            5, new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000)), () -> 0.5, slept::add);

    p.pause(1);
    p.pause(3);
    p.pause(30);

    assertThat(slept)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(500));
  }

  @Test
  void pause_shouldKeepTheInterruptFlag_whenInterrupted() {
    RetryPolicy p =
        new RetryPolicy(
            2,
            Backoff.none(),
            () -> 0.0,
            d -> {
              throw new InterruptedException();
            });

    assertThatThrownBy(() -> p.pause(1)).hasMessageContaining("interrupted while backing off");
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void retryPolicy_shouldReject_whenBoundsInvalid() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("baseDelay");
  }
}
