package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.Action;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.testing.ForwardingAuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit record is written before the action and completed after it, failures too. */
class ActionsAuditTest {

  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
  private static final Actor ALICE = Actor.slackUser("U1", "alice");
  private static final Cidr ADDRESS = Cidr.ofAddress("198.51.100.23");

  /** An allow-list whose writes fail, as a store that is down. */
  private static final class BrokenAllowList implements AllowListStore {
    @Override
    public boolean add(AllowedCidr allowed) {
      throw new StoreException("DynamoDB table guardwall: update the allow-list failed", null);
    }

    @Override
    public boolean remove(Cidr cidr) {
      throw new StoreException("DynamoDB table guardwall: update the allow-list failed", null);
    }

    @Override
    public List<AllowedCidr> list() {
      return List.of();
    }
  }

  /** A trail that keeps what it is told, and notes what the action saw when it was recorded. */
  private final class WatchingTrail extends ForwardingAuditTrail {
    final List<Boolean> blockedWhenRecorded = new ArrayList<>();
    boolean recordFails;

    @Override
    public String record(AuditRecord record) {
      if (recordFails) {
        throw new StoreException("audit trail down", null);
      }
      blockedWhenRecorded.add(store.get(ADDRESS).isPresent());
      return super.record(record);
    }
  }

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final WatchingTrail audit = new WatchingTrail();

  private Guardwall guardwall(AllowListStore allowList) {
    return new Guardwall(
        GuardwallConfig.defaults(),
        new Guardwall.Ports(
            store,
            new InMemoryNotificationLog(),
            List.of(DryRunTarget.ofCapacity(10_000)),
            new RecordingNotifier(null),
            allowList,
            audit),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RetryPolicy.immediate(3));
  }

  private void block() {
    store.upsert(
        BlockRequest.manual(
            ADDRESS, NOW, NOW.plus(Duration.ofHours(1)), SeverityLevel.HIGH, false));
  }

  @Test
  void unblock_shouldRecordTheRequestBeforeRemoving_thenCompleteIt() {
    block();

    guardwall(AllowListStore.inMemory()).actions().unblock(ALICE, ADDRESS, "partner");

    assertThat(audit.blockedWhenRecorded).containsExactly(true);
    assertThat(audit.since(NOW))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(AuditRecord.Status.DONE);
              assertThat(r.outcome()).isEqualTo("removed from the blocklist");
            });
  }

  @Test
  void allow_shouldRecordTheFailureWithTheError_whenTheStoreFails() {
    Actions actions = guardwall(new BrokenAllowList()).actions();

    assertThatThrownBy(() -> actions.allow(ALICE, ADDRESS, "partner NAT"))
        .isInstanceOf(StoreException.class);

    assertThat(actions.history(Instant.EPOCH, null))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(Action.ALLOW);
              assertThat(r.status()).isEqualTo(AuditRecord.Status.FAILED);
              assertThat(r.done()).isFalse();
              assertThat(r.outcome()).startsWith("failed: ").contains("update the allow-list");
              assertThat(r.reason()).isEqualTo("partner NAT");
            });
  }

  @Test
  void disallow_shouldRecordTheFailure_whenTheStoreFails() {
    Actions actions = guardwall(new BrokenAllowList()).actions();

    assertThatThrownBy(() -> actions.disallow(ALICE, ADDRESS, ""))
        .isInstanceOf(StoreException.class);

    assertThat(actions.history(Instant.EPOCH, null))
        .extracting(AuditRecord::status)
        .containsExactly(AuditRecord.Status.FAILED);
  }

  @Test
  void unblock_shouldChangeNothing_whenTheRequestCannotBeRecorded() {
    block();
    audit.recordFails = true;
    Actions actions = guardwall(AllowListStore.inMemory()).actions();

    assertThatThrownBy(() -> actions.unblock(ALICE, ADDRESS, ""))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("audit trail down");

    assertThat(store.get(ADDRESS)).isPresent();
  }

  @Test
  void refusal_shouldBeCompletedAsRefused() {
    Actions actions = guardwall(AllowListStore.inMemory()).actions();

    ActionOutcome outcome = actions.pin(ALICE, ADDRESS, "");

    assertThat(outcome.done()).isFalse();
    assertThat(outcome.record().status()).isEqualTo(AuditRecord.Status.REFUSED);
    assertThat(actions.history(Instant.EPOCH, null)).containsExactly(outcome.record());
  }
}
