package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.ForwardingAuditTrail;
import io.guardwall.core.testing.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The maintenance digest lists the actions since the last digest that listed them (issue 8). */
class MaintenanceDigestActionsTest {

  private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
  private static final Actor ALICE = Actor.slackUser("U1", "alice");
  private static final MaintenanceDigest NOTHING =
      new MaintenanceDigest(List.of(), 0, List.of(), 0, List.of(), 0);

  /** Keeps what it is sent, or refuses while {@code down}. */
  private static final class Slack implements Notifier {
    final List<SlackMessage> sent = new ArrayList<>();
    boolean down;

    @Override
    public void send(SlackMessage message) {
      if (down) {
        throw new NotifyException("Slack said no", null);
      }
      sent.add(message);
    }

    List<String> texts() {
      return sent.stream().map(m -> m.payload().toString()).toList();
    }
  }

  /** A trail whose reads or writes of the mark fail when told. */
  private static final class FlakyTrail extends ForwardingAuditTrail {
    boolean readFails;

    @Override
    public List<AuditRecord> since(Instant from) {
      if (readFails) {
        throw new StoreException("table down", null);
      }
      return super.since(from);
    }
  }

  private final MovingClock clock = new MovingClock(T0);
  private final Slack slack = new Slack();
  private final FlakyTrail audit = new FlakyTrail();
  private final Guardwall gw =
      new Guardwall(
          GuardwallConfig.defaults(),
          new Guardwall.Ports(
              new InMemoryBlocklistStore(),
              new InMemoryNotificationLog(),
              List.of(DryRunTarget.ofCapacity(10_000)),
              slack,
              AllowListStore.inMemory(),
              audit),
          clock,
          RetryPolicy.immediate(3));

  private void later(Duration by) {
    clock.advance(by);
  }

  @Test
  void postMaintenanceDigest_shouldMentionTheActionsInertly() {
    Actor mallory = Actor.slackUser("U2", "*mallory* <!here> \u202e");
    gw.actions().allow(mallory, Cidr.ofAddress("198.51.100.23"), "partner");
    gw.actions().pin(ALICE, Cidr.ofAddress("203.0.113.9"), "");
    later(Duration.ofMinutes(1));

    DigestOutcome outcome = gw.postMaintenanceDigest(NOTHING);

    assertThat(outcome.failures()).isEmpty();
    assertThat(slack.texts())
        .singleElement()
        .satisfies(
            text -> {
              assertThat(text)
                  .contains(
                      "2 actions taken",
                      "allow `198.51.100.23/32`",
                      "pin `203.0.113.9/32` (refused)");
              assertThat(text).doesNotContain("<!here>", "*mallory*", "\u202e");
            });
  }

  @Test
  void postMaintenanceDigest_shouldListOnlyActionsSinceTheLastDigest() {
    gw.actions().pin(ALICE, Cidr.ofAddress("203.0.113.9"), "");
    later(Duration.ofMinutes(1));
    gw.postMaintenanceDigest(NOTHING);
    gw.actions().allow(ALICE, Cidr.ofAddress("198.51.100.23"), "partner");
    later(Duration.ofMinutes(1));

    gw.postMaintenanceDigest(NOTHING);

    assertThat(slack.texts()).hasSize(2);
    assertThat(slack.texts().get(1)).contains("1 action taken", "allow").doesNotContain("pin");
  }

  @Test
  void postMaintenanceDigest_shouldPostNothing_whenNoActionsAndNoNews() {
    gw.actions().pin(ALICE, Cidr.ofAddress("203.0.113.9"), "");
    later(Duration.ofMinutes(1));
    gw.postMaintenanceDigest(NOTHING);
    later(Duration.ofMinutes(1));

    gw.postMaintenanceDigest(NOTHING);

    assertThat(slack.sent).hasSize(1);
  }

  @Test
  void postMaintenanceDigest_shouldListTheActionsAgain_whenSlackRefusedTheDigest() {
    gw.actions().pin(ALICE, Cidr.ofAddress("203.0.113.9"), "");
    later(Duration.ofMinutes(1));
    slack.down = true;

    DigestOutcome refused = gw.postMaintenanceDigest(NOTHING);
    slack.down = false;
    gw.postMaintenanceDigest(NOTHING);

    assertThat(refused.delivered()).isFalse();
    assertThat(audit.reportedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(1)).minusSeconds(10));
    assertThat(slack.texts()).singleElement().asString().contains("1 action taken", "pin");
  }

  @Test
  void postMaintenanceDigest_shouldLeaveAJustRecordedActionToTheNextDigest() {
    gw.actions().pin(ALICE, Cidr.ofAddress("203.0.113.9"), "");
    later(Duration.ofSeconds(2));

    gw.postMaintenanceDigest(NOTHING);
    later(Duration.ofMinutes(1));
    gw.postMaintenanceDigest(NOTHING);

    assertThat(slack.texts()).singleElement().asString().contains("1 action taken");
  }

  @Test
  void postMaintenanceDigest_shouldPostNothingAndMarkNothing_whenTheTrailCannotBeRead() {
    gw.actions().pin(ALICE, Cidr.ofAddress("203.0.113.9"), "");
    later(Duration.ofMinutes(1));
    audit.readFails = true;

    assertThatThrownBy(() -> gw.postMaintenanceDigest(NOTHING)).isInstanceOf(StoreException.class);
    assertThat(slack.sent).isEmpty();
    assertThat(audit.reportedUntil()).isEqualTo(Instant.EPOCH);
  }
}
