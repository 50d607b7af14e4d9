package io.guardwall.infra.burst;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.aws.MotoServer;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import io.guardwall.infra.Synthesized;
import io.guardwall.lambda.ReconcileHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployed per-event path under a burst, on this machine and driven by the synthesized
 * template: findings go through the template's rules (event-ruler) into moto's SQS, a poller with
 * Lambda's event source semantics invokes the queue function in-process, against DynamoDB on moto,
 * a Network Firewall stub that throttles, races and fails, and a Slack stub that takes one message
 * per second. Each scenario writes its figures to {@code target/burst-<scenario>.json}.
 */
@Needs({ExternalTool.NODE, ExternalTool.MOTO})
@ExtendWith(MotoServer.class)
class BurstIT {

  private static final Duration BURST = Duration.ofSeconds(60);

  /**
   * The conditional writes a burst makes per second of it: about 4,500 in 60 s (a re-sighting is a
   * failed create and an update). DynamoDB would not notice them; moto manages 30 to 100 a second
   * on this machine, depending on its load, so the burst runs in slow motion, as slow as needed (at
   * a quarter of real time at most). Every ratio the test checks holds at any speed.
   */
  private static final double BURST_WRITES_PER_SECOND = 75;

  /**
   * How long a drain may go without progress: one invocation of a few hundred messages takes up to
   * a minute of real time when moto is slow.
   */
  private static final Duration STALL = Duration.ofSeconds(150);

  private static final Duration ALARM_AGE = Duration.ofSeconds(60);
  // Seeded so that the first call is throttled and the first update races another writer: with
  // one reconcile per batch, a burst makes few calls, and each fault must be met at least once.
  private static final Pipeline.Faults FAULTS =
      new Pipeline.Faults(0.10, 0.10, 0.02, Duration.ofMillis(30), 20271126L);
  private static final Duration NO_CAP = Duration.ofDays(1);

  private static Topology topology;

  @BeforeAll
  static void synth() {
    topology = Topology.of(Synthesized.defaults().json());
  }

  @Test
  void burst_shouldBlockAllWithinTwoWindowsAndAlertEachFindingOnce_whenTwoThousandFindingsArrive()
      throws Exception {
    Burst burst =
        Burst.generate(
            new Burst.Shape(2_000, 500, BURST, 20, 500, Duration.ofSeconds(5)), 20261128L);
    Duration window = Duration.ofSeconds(topology.mapping().windowSeconds());
    Figures figures;
    Scale speed = MotoPace.speedFor(BURST_WRITES_PER_SECOND, 0.25);
    System.out.println("burst at " + speed);
    try (Pipeline p = deploy(new Pipeline.Setup(speed, FAULTS, NO_CAP))) {
      p.feed(burst);
      boolean blocked = p.awaitBlocked(burst.addresses(), BURST.plus(window.multipliedBy(2)));
      assertThat(p.awaitDrained(stallAt(speed), Duration.ofMinutes(10)))
          .as("queue drained")
          .isTrue();
      figures = Figures.of("burst", burst, p);
      System.out.println(figures.write());
      assertThat(p.poller.harnessErrors()).isEmpty();
      assertThat(blocked).as("every address blocked within the burst and two windows").isTrue();
    }
    // The bound is the design's: one write per batch. An injected fault (throttle, token race,
    // 500) makes the reconciler call again, so each may add one call beyond it, and no more.
    NetworkFirewallStub.Counts calls = figures.firewall();
    assertThat(calls.successfulUpdates()).isLessThanOrEqualTo(updateBound());
    assertThat(calls.updates())
        .isLessThanOrEqualTo(
            updateBound() + calls.throttles() + calls.races() + calls.serverErrors());
    assertThat(figures.firewall().throttles() + figures.firewall().races())
        .as("faults were injected")
        .isPositive();
    assertThat(figures.digestsPerAddress()).isEqualTo(once(burst.addresses()));
    assertThat(figures.alertsPerFinding()).isEqualTo(once(burst.alertable()));
    assertNoAlarm(figures);
  }

  @Test
  void slackOutage_shouldDeliverEveryAlertOnceAfterItEnds_whenSlackIsDownForTwoMinutes()
      throws Exception {
    Scale scale = new Scale(10);
    // The template's visibility timeout (6 × the function timeout + the window, about 90 min)
    // would hold a failed alert for 9 minutes even at ten times the speed: it is cut to 30 s,
    // still longer than the outage, so the retries come after it.
    Pipeline.Setup setup = new Pipeline.Setup(scale, FAULTS, Duration.ofSeconds(30));
    Burst burst =
        Burst.generate(new Burst.Shape(100, 25, BURST, 10, 25, Duration.ofSeconds(5)), 7L);
    Figures figures;
    try (Pipeline p = deploy(setup)) {
      p.slack.down(scale.real(Duration.ofMinutes(2)));
      p.feed(burst);
      assertThat(p.awaitDrained(STALL, Duration.ofMinutes(6))).as("queue drained").isTrue();
      figures = Figures.of("slack-outage", burst, p);
      System.out.println(figures.write());
      assertThat(p.poller.harnessErrors()).isEmpty();
      assertThat(p.slack.refusedWhileDown()).as("the outage was felt").isPositive();
      assertThat(p.slack.accepted())
          .allMatch(a -> !a.at().isBefore(p.slack.downUntil()), "accepted after the outage");
      assertThat(p.firstSeen().keySet()).containsAll(burst.addresses());
    }
    assertThat(figures.alertsPerFinding()).isEqualTo(once(burst.alertable()));
    assertThat(figures.digestsPerAddress().values()).allMatch(n -> n == 1);
    assertThat(figures.deadLetters()).isZero();
    assertThat(figures.functionErrors()).isEmpty();
  }

  /**
   * In slow motion a few messages handed back by a partial batch response can wait half a minute of
   * modelled time or more before their retry, longer than {@link #STALL} of real time at a quarter
   * speed (seen on a loaded machine): the allowance follows the speed.
   */
  private static Duration stallAt(Scale speed) {
    Duration modelled = speed.real(Duration.ofSeconds(60));
    return modelled.compareTo(STALL) > 0 ? modelled : STALL;
  }

  private static Pipeline deploy(Pipeline.Setup setup) {
    return Pipeline.deploy(topology, setup, QueueFunctions::start);
  }

  /** The bound the issue sets: burst seconds ÷ window × concurrency + 2. */
  private static int updateBound() {
    Topology.Mapping m = topology.mapping();
    return (int) (BURST.toSeconds() / m.windowSeconds()) * m.maxConcurrency() + 2;
  }

  /** None of the stack's alarms that a burst can trip would go off. */
  private static void assertNoAlarm(Figures f) {
    assertThat(f.oldestMessage()).as("oldest message age").isLessThanOrEqualTo(ALARM_AGE);
    assertThat(f.deadLetters()).as("dead letters").isZero();
    assertThat(f.functionErrors()).as("function errors").isEmpty();
    assertThat(f.highest(ReconcileHandler.CAPACITY_METRIC)).as("capacity used").isLessThan(80);
    assertThat(f.total(ReconcileHandler.EVICTED_METRIC)).as("entries evicted").isZero();
  }

  private static Map<String, Integer> once(Set<String> keys) {
    return keys.stream().collect(Collectors.toMap(k -> k, k -> 1));
  }
}
