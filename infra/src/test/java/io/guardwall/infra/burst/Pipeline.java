package io.guardwall.infra.burst;

import io.guardwall.aws.MotoServer;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.aws.SdkEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployed per-event path on this machine, from the template: EventBridge's rules ({@link
 * RuleDelivery}), the event queue on moto, Lambda's event source mapping ({@link QueuePoller})
 * invoking the queue function in-process, DynamoDB on moto, the Network Firewall stub and the Slack
 * stub. Every default SDK client of the JVM points at moto and the stub while it is open. Not
 * thread-safe: drive it from the test.
 */
final class Pipeline implements AutoCloseable {

  /** The Network Firewall stub's faults, drawn from a seeded random, and its latency. */
  record Faults(double throttle, double race, double serverError, Duration latency, long seed) {}

  /**
   * How a scenario runs: its speed, the firewall's faults, and the longest real visibility timeout
   * the event queue may keep (to cut one far longer than the scenario, and say so).
   */
  record Setup(Scale scale, Faults faults, Duration maxVisibility) {}

  private static final Duration TICK = Duration.ofMillis(20);
  private static final Duration CHECK = Duration.ofMillis(200);

  final Topology topology;
  final Scale scale;
  final NetworkFirewallStub firewall;
  final SlackStub slack = SlackStub.start();
  final Deployment deployment;
  final QueuePoller poller;
  private final SdkEndpoints endpoints;
  private final RuleDelivery delivery;
  private final BlockWatch watch;
  private final Map<String, Instant> firstArrival = new ConcurrentHashMap<>();
  private final Thread progress = new Thread(this::reportProgress, "burst-progress");
  private volatile Instant start = Instant.now();
  private volatile boolean closed;

  private Pipeline(Topology topology, Setup setup, QueueFunction.Factory functions) {
    Faults faults = setup.faults();
    this.topology = topology;
    this.scale = setup.scale();
    this.firewall =
        NetworkFirewallStub.start(topology.ruleGroupCapacity())
            .faults(faults.throttle(), faults.race(), faults.serverError(), faults.seed())
            .latency(faults.latency());
    this.endpoints = SdkEndpoints.use(MotoServer.endpoint(), firewall.endpoint());
    this.deployment =
        Deployment.create(
            topology,
            scale,
            setup.maxVisibility(),
            slack.webhook(),
            NetworkFirewallStub.RULE_GROUP_ARN);
    this.delivery = new RuleDelivery(topology, deployment);
    this.poller =
        new QueuePoller(
                QueuePoller.Settings.of(topology, scale),
                deployment.sqs().client(),
                deployment.queueUrl(),
                deployment.queueArn(),
                functions,
                deployment.environment())
            .start();
    this.watch = BlockWatch.start(firewall);
    progress.setDaemon(true);
    progress.start();
  }

  static Pipeline deploy(Topology topology, Setup setup, QueueFunction.Factory functions) {
    return new Pipeline(topology, setup, functions);
  }

  /** Sends the burst through the rules at its (scaled) arrival times; returns when all are sent. */
  void feed(Burst burst) {
    start = Instant.now();
    List<Burst.Arrival> arrivals = burst.arrivals();
    for (int i = 0; i < arrivals.size(); ) {
      sleepUntil(start.plus(scale.real(arrivals.get(i).at())));
      Instant horizon = Instant.now().plus(TICK);
      List<String> due = new ArrayList<>();
      for (;
          i < arrivals.size() && !start.plus(scale.real(arrivals.get(i).at())).isAfter(horizon);
          i++) {
        due.add(arrivals.get(i).event());
        firstArrival.putIfAbsent(arrivals.get(i).address(), Instant.now());
      }
      delivery.deliver(due);
    }
  }

  /** Modelled time since the burst started. */
  Duration elapsed() {
    return scale.modelled(Duration.between(start, Instant.now()));
  }

  /** Waits until every address is in the rule group or {@code limit} (modelled) has passed. */
  boolean awaitBlocked(Set<String> addresses, Duration limit) {
    while (elapsed().compareTo(limit) < 0) {
      if (watch.firstSeen().keySet().containsAll(addresses)) {
        return true;
      }
      sleep(CHECK);
    }
    return watch.firstSeen().keySet().containsAll(addresses);
  }

  /**
   * Waits until the queue is empty (nothing visible, in flight or waiting out a visibility timeout)
   * and no slot holds a message, twice in a row. How long that takes depends on how fast moto is at
   * the moment, so the wait is bounded by progress, not by a fixed time: false when neither the
   * backlog shrank nor an invocation ended for {@code stall} (real), or after {@code cap}.
   */
  boolean awaitDrained(Duration stall, Duration cap) {
    Instant deadline = Instant.now().plus(cap);
    Instant lastProgress = Instant.now();
    long best = Long.MAX_VALUE;
    int ended = poller.invocations().size();
    int quiet = 0;
    while (Instant.now().isBefore(deadline)
        && Duration.between(lastProgress, Instant.now()).compareTo(stall) < 0) {
      long backlog = queued(deployment.queueUrl()) + (long) poller.held();
      quiet = backlog == 0 ? quiet + 1 : 0;
      if (quiet >= 2) {
        return true;
      }
      if (backlog < best || poller.invocations().size() > ended) {
        best = Math.min(best, backlog);
        ended = poller.invocations().size();
        lastProgress = Instant.now();
      }
      sleep(CHECK);
    }
    return false;
  }

  /** Messages in the dead-letter queue. */
  int deadLetters() {
    return queued(deployment.deadLetterQueueUrl());
  }

  /** Modelled time from each address's first arrival to its first sight in the rule group. */
  List<Duration> arrivalToBlock() {
    List<Duration> latencies = new ArrayList<>();
    watch
        .firstSeen()
        .forEach(
            (address, seen) -> {
              Instant arrived = firstArrival.get(address);
              if (arrived != null) {
                latencies.add(scale.modelled(Duration.between(arrived, seen)));
              }
            });
    return latencies;
  }

  Map<String, Instant> firstSeen() {
    return watch.firstSeen();
  }

  int deliveries() {
    return delivery.sent();
  }

  private int queued(String url) {
    return deployment.sqs().depth(url);
  }

  /** A line every five seconds, so that a slow or stuck run shows where it stands. */
  private void reportProgress() {
    while (!closed) {
      sleep(Duration.ofSeconds(5));
      List<String> errors = poller.functionErrors();
      List<QueuePoller.Invocation> done = poller.invocations();
      String last =
          done.isEmpty()
              ? ""
              : " (last "
                  + done.get(done.size() - 1).size()
                  + " in "
                  + done.get(done.size() - 1).took().toMillis()
                  + " ms)";
      System.out.printf(
          "burst %5.1fs sent=%d invocations=%d%s held=%d queued=%d blocked=%d updates=%d slack=%d"
              + " errors=%d%s%n",
          elapsed().toMillis() / 1000.0,
          delivery.sent(),
          done.size(),
          last,
          poller.held(),
          queued(deployment.queueUrl()),
          watch.firstSeen().size(),
          firewall.updates(),
          slack.accepted().size(),
          errors.size(),
          errors.isEmpty() ? "" : " last: " + errors.get(errors.size() - 1));
    }
  }

  @Override
  public void close() throws Exception {
    closed = true;
    try (endpoints;
        deployment;
        firewall;
        slack) {
      watch.close();
      poller.close();
    }
  }

  private static void sleepUntil(Instant when) {
    Duration wait = Duration.between(Instant.now(), when);
    if (!wait.isNegative()) {
      sleep(wait);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
