package io.guardwall.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.Race;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.port.TargetSnapshot;
import io.guardwall.core.testing.ForwardingTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CoalescingReconcilerTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final CountingTarget firewall = new CountingTarget();
  private final CoalescingReconciler<TargetsResult> coalescing =
      CoalescingReconciler.of(reconciler(firewall));

  @Test
  void request_shouldMergeWaitingRequestsIntoOneFollowUp_whenReconcileInFlight() throws Exception {
    upsert(address(0));
    firewall.holdFirstUpdate();
    Caller first = Caller.start(() -> coalescing.request());
    firewall.awaitHeld();
    List<Caller> followers = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      Cidr own = address(i);
      followers.add(Caller.start(() -> upsertAndRequest(own)));
    }
    for (Caller follower : followers) {
      follower.awaitWaiting();
    }
    firewall.release();

    assertThat(first.result().targets().get(0).blocked()).containsExactly(address(0));
    for (int i = 0; i < followers.size(); i++) {
      assertThat(followers.get(i).result().targets().get(0).blocked())
          .hasSize(16)
          .contains(address(i + 1));
    }
    assertThat(firewall.describes()).isEqualTo(2);
    assertThat(firewall.updates()).isEqualTo(2);
  }

  @Test
  void request_shouldIncludeCallersUpsert_whenRunInFlightStartedBeforeIt() throws Exception {
    upsert(address(1));
    firewall.holdFirstUpdate();
    Caller first = Caller.start(() -> coalescing.request());
    firewall.awaitHeld();
    Caller late = Caller.start(() -> upsertAndRequest(address(7)));
    late.awaitWaiting();
    firewall.release();

    assertThat(first.result().targets().get(0).blocked()).containsExactly(address(1));
    assertThat(late.result().targets().get(0).blocked()).containsExactly(address(1), address(7));
  }

  @Test
  void request_shouldReconcileAgain_whenCalledAfterPreviousFinished() {
    upsert(address(1));
    coalescing.request();
    upsert(address(2));

    TargetsResult second = coalescing.request();

    assertThat(second.targets().get(0).blocked()).containsExactly(address(1), address(2));
    assertThat(firewall.describes()).isEqualTo(2);
  }

  @Test
  void request_shouldGiveEveryJoinedCallerTheFailure_andRecover_whenReconcileFails()
      throws Exception {
    firewall.failWith(new StoreException("table not found", null));

    List<Throwable> failures =
        Race.run(
            16,
            thread -> {
              try {
                coalescing.request();
                return List.of();
              } catch (StoreException e) {
                return List.of(e);
              }
            });

    assertThat(failures).hasSize(16).allSatisfy(e -> assertThat(e).hasMessage("table not found"));
    firewall.failWith(null);
    upsert(address(3));
    assertThat(coalescing.request().targets().get(0).blocked()).containsExactly(address(3));
  }

  @Test
  void request_shouldIncludeOwnUpsertAndConverge_when16ThreadsRequestConcurrently()
      throws Exception {
    int perThread = 30;

    List<Boolean> ownIncluded =
        Race.run(
            16,
            thread -> {
              List<Boolean> seen = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                Cidr own = address(thread * perThread + i);
                seen.add(upsertAndRequest(own).targets().get(0).blocked().contains(own));
              }
              return seen;
            });

    assertThat(ownIncluded).hasSize(16 * perThread).containsOnly(true);
    assertThat(firewall.lastBlocked()).hasSize(16 * perThread);
  }

  @Test
  void of_shouldRejectNull() {
    assertThatThrownBy(() -> CoalescingReconciler.of((TargetsReconciler) null))
        .isInstanceOf(NullPointerException.class);
  }

  private TargetsResult upsertAndRequest(Cidr cidr) {
    upsert(cidr);
    return coalescing.request();
  }

  private void upsert(Cidr cidr) {
    store.upsert(Sighting.of(cidr.value(), NOW).build());
  }

  private TargetsReconciler reconciler(EnforcementPoint target) {
    return new TargetsReconciler(
        List.of(target),
        store,
        new TargetSelector(SafetyRule.of(GuardwallConfig.defaults())),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RetryPolicy.immediate(3));
  }

  /** Public addresses no two of which merge into a wider CIDR (odd last octets). */
  private static Cidr address(int i) {
    return Cidr.parse("11.0." + (i / 100) + "." + (2 * (i % 100) + 1));
  }

  /** A caller of request() on a thread of its own. */
  private static final class Caller {
    private final Thread thread;
    private volatile TargetsResult result;
    private volatile RuntimeException failure;

    private Caller(Supplier<TargetsResult> call) {
      thread =
          new Thread(
              () -> {
                try {
                  result = call.get();
                } catch (RuntimeException e) {
                  failure = e;
                }
              });
    }

    static Caller start(Supplier<TargetsResult> call) {
      Caller caller = new Caller(call);
      caller.thread.start();
      return caller;
    }

    /** Blocks until the caller waits for a reconcile (its upsert is done by then). */
    void awaitWaiting() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // a hang guard
      while (thread.getState() != Thread.State.WAITING) {
        assertThat(thread.isAlive()).as("caller still running").isTrue();
        assertThat(System.nanoTime()).as("caller waits for a reconcile").isLessThan(deadline);
        Thread.sleep(1);
      }
    }

    TargetsResult result() throws InterruptedException {
      thread.join(TimeUnit.MINUTES.toMillis(1)); // a hang guard, not a performance assertion
      assertThat(thread.isAlive()).as("caller finished").isFalse();
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }

  /**
   * A {@link DryRunTarget} that counts reads and writes, can hold the first write until released,
   * and can fail every read.
   */
  private static final class CountingTarget extends ForwardingTarget {
    private final DryRunTarget inner;
    private final AtomicInteger describes = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean holdFirst;
    private volatile RuntimeException failure;

    CountingTarget() {
      this(new DryRunTarget(CidrBudget.shared(5_000)));
    }

    private CountingTarget(DryRunTarget inner) {
      super(inner);
      this.inner = inner;
    }

    @Override
    public TargetSnapshot read() {
      describes.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return super.read();
    }

    /** Held after the reconcile read the store, so entries stored meanwhile are not in it. */
    @Override
    public void apply(TargetSnapshot base, List<Cidr> blocked) {
      if (holdFirst && updates.getAndIncrement() == 0) {
        held.countDown();
        awaitUninterruptibly(gate);
      }
      super.apply(base, blocked);
    }

    void holdFirstUpdate() {
      holdFirst = true;
    }

    void awaitHeld() {
      awaitUninterruptibly(held);
    }

    void release() {
      gate.countDown();
    }

    void failWith(RuntimeException e) {
      failure = e;
    }

    int describes() {
      return describes.get();
    }

    int updates() {
      return inner.writes();
    }

    java.util.Set<Cidr> lastBlocked() {
      return inner.read().blocked();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
      try {
        if (!latch.await(1, TimeUnit.MINUTES)) { // a hang guard, not a performance assertion
          throw new IllegalStateException("latch not released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
