package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.NotificationClaim;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.MovingClock;
import io.guardwall.core.testing.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A finding counts as notified only after Slack accepted its alert (issue 12, defect 5). */
class RunNotifyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  /** Posts what it is given, or fails as the test says: a NotifyException, or a crash. */
  private static final class FlakySlack implements Notifier {
    private final List<SlackMessage> accepted = new ArrayList<>();
    private volatile RuntimeException nextFailure;
    private volatile Error nextCrash;

    @Override
    public void send(SlackMessage message) {
      RuntimeException failure = nextFailure;
      Error crash = nextCrash;
      nextFailure = null;
      nextCrash = null;
      if (crash != null) {
        throw crash;
      }
      if (failure != null) {
        throw failure;
      }
      synchronized (this) {
        accepted.add(message);
      }
    }

    synchronized List<SlackMessage> accepted() {
      return List.copyOf(accepted);
    }
  }

  private final MovingClock clock = new MovingClock(NOW);
  private final InMemoryNotificationLog log = new InMemoryNotificationLog();

  private Guardwall guardwall(Notifier slack) {
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(
            new InMemoryBlocklistStore(), log, List.of(DryRunTarget.ofCapacity(1_000)), slack),
        clock,
        RetryPolicy.immediate(1));
  }

  private static ObjectNode finding(double severity) throws Exception {
    ObjectNode event =
        (ObjectNode)
            JSON.readTree(Resources.text(RunNotifyTest.class, "../route/guardduty-network.json"));
    ((ObjectNode) event.get("detail")).put("severity", severity);
    return event;
  }

  private static NotificationOutcome notify(Guardwall gw, ObjectNode event) {
    return gw.startRun(Set.of(Route.NOTIFY))
        .process(event, "e", 0)
        .findings()
        .get(0)
        .notification();
  }

  @Test
  void process_shouldAlertAgainOnTheNextRun_whenSlackFailedToAcceptTheAlert() throws Exception {
    FlakySlack slack = new FlakySlack();
    Guardwall gw = guardwall(slack);
    slack.nextFailure = new NotifyException("Slack webhook still failing after 5 attempts", null);

    NotificationOutcome first = notify(gw, finding(5));
    NotificationOutcome second = notify(gw, finding(5));

    assertThat(first).isInstanceOf(NotificationOutcome.Failed.class);
    assertThat(second).isEqualTo(NotificationOutcome.SENT);
    assertThat(notify(gw, finding(5))).isEqualTo(NotificationOutcome.DUPLICATE);
    assertThat(slack.accepted()).hasSize(1);
  }

  @Test
  void process_shouldRetryTheAlertAfterTheLease_whenTheSenderCrashedBetweenClaimAndSend()
      throws Exception {
    FlakySlack slack = new FlakySlack();
    Guardwall gw = guardwall(slack);
    slack.nextCrash = new OutOfMemoryError("the worker died while posting");
    assertThatThrownBy(() -> notify(gw, finding(5))).isInstanceOf(OutOfMemoryError.class);

    clock.set(NOW.plus(Run.NOTIFY_LEASE).minusSeconds(1));
    NotificationOutcome whileLeased = notify(gw, finding(5));
    clock.set(NOW.plus(Run.NOTIFY_LEASE));
    NotificationOutcome afterLease = notify(gw, finding(5));

    assertThat(whileLeased).isEqualTo(NotificationOutcome.DUPLICATE);
    assertThat(afterLease).isEqualTo(NotificationOutcome.SENT);
    assertThat(slack.accepted()).hasSize(1);
  }

  @Test
  void process_shouldSendOnce_whenASecondWorkerGetsTheFindingWhileTheFirstIsSending()
      throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch accept = new CountDownLatch(1);
    FlakySlack slack = new FlakySlack();
    Guardwall gw =
        guardwall(
            m -> {
              sending.countDown();
              await(accept);
              slack.send(m);
            });
    CompletableFuture<NotificationOutcome> first =
        CompletableFuture.supplyAsync(() -> notifyUnchecked(gw));
    await(sending);

    NotificationOutcome second = notify(gw, finding(5));
    accept.countDown();

    assertThat(second).isEqualTo(NotificationOutcome.DUPLICATE);
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(NotificationOutcome.SENT);
    assertThat(slack.accepted()).hasSize(1);
  }

  @Test
  void process_shouldAlertAgain_whenSeverityRises() throws Exception {
    FlakySlack slack = new FlakySlack();
    Guardwall gw = guardwall(slack);

    assertThat(notify(gw, finding(5))).isEqualTo(NotificationOutcome.SENT);
    assertThat(notify(gw, finding(8))).isEqualTo(NotificationOutcome.SENT);
    assertThat(notify(gw, finding(5))).isEqualTo(NotificationOutcome.DUPLICATE);
    assertThat(slack.accepted()).hasSize(2);
  }

  @Test
  void process_shouldAlertTheRiseOnTheNextRun_whenItFailedToSend() throws Exception {
    FlakySlack slack = new FlakySlack();
    Guardwall gw = guardwall(slack);
    notify(gw, finding(5));
    slack.nextFailure = new NotifyException("HTTP 500", null);

    assertThat(notify(gw, finding(8))).isInstanceOf(NotificationOutcome.Failed.class);
    assertThat(notify(gw, finding(5)))
        .as("MEDIUM stays notified")
        .isEqualTo(NotificationOutcome.DUPLICATE);
    assertThat(notify(gw, finding(8))).isEqualTo(NotificationOutcome.SENT);
  }

  @Test
  void process_shouldReportTheAlertFailed_whenTheNotificationLogFails() throws Exception {
    FlakySlack slack = new FlakySlack();
    NotificationLog down =
        new NotificationLog() {
          @Override
          public Optional<NotificationClaim> claim(
              String id, SeverityLevel level, Instant now, Instant leaseUntil) {
            throw new StoreException("DynamoDB table guardwall: throttled", null);
          }

          @Override
          public void confirm(NotificationClaim claim, Instant now, Instant forgetAfter) {}

          @Override
          public void release(NotificationClaim claim) {}
        };
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(
                new InMemoryBlocklistStore(), down, List.of(DryRunTarget.ofCapacity(1)), slack),
            clock,
            RetryPolicy.immediate(1));
    Run run = gw.startRun(Set.of(Route.NOTIFY));

    NotificationOutcome outcome = run.process(finding(5), "e", 0).findings().get(0).notification();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            NotificationOutcome.Failed.class, f -> assertThat(f.cause()).contains("throttled"));
    assertThat(run.finish().errors()).singleElement().asString().contains("throttled");
    assertThat(slack.accepted()).isEmpty();
  }

  @Test
  void process_shouldReportBelowThreshold_whenSeverityIsLow() throws Exception {
    Guardwall gw = guardwall(new FlakySlack());
    // the notify route does not match a LOW finding: the block route brings it in
    EventReport report = gw.startRun().process(finding(2), "e", 0);

    assertThat(report.findings().get(0).notification())
        .isEqualTo(new NotificationOutcome.BelowThreshold(SeverityLevel.LOW, SeverityLevel.MEDIUM));
  }

  @Test
  void process_shouldReportSkippedWithItsReason_whenFindingIsArchived() throws Exception {
    Guardwall gw = guardwall(new FlakySlack());
    ObjectNode event = finding(8);
    ((ObjectNode) event.at("/detail/service")).put("archived", true);

    assertThat(notify(gw, event))
        .isInstanceOfSatisfying(
            NotificationOutcome.Skipped.class, s -> assertThat(s.reason()).contains("archived"));
  }

  private static NotificationOutcome notifyUnchecked(Guardwall gw) {
    try {
      return notify(gw, finding(5));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
