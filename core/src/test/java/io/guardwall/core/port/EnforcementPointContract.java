package io.guardwall.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.plan.TargetSelection;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.policy.SafetyRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EnforcementPoint} shares: apply, idempotent re-apply, conflicts,
 * throttling, capacity overflow with the eviction report, IPv6, an empty set, and entries guardwall
 * does not own left untouched. An adapter's test extends this class; the hooks a kind of target
 * cannot have (a local target is never throttled) answer false and their cases are skipped.
 */
public abstract class EnforcementPointContract {

  /** The room, per address family, of the targets the contract asks for. */
  protected static final int ROOM = 8;

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  protected EnforcementPoint target;

  /**
   * A fresh target, never written by guardwall, with room for at least {@link #ROOM} and at most a
   * few more CIDRs of each address family (a target whose families share one budget: the same, in
   * all).
   */
  protected abstract EnforcementPoint newTarget(int room);

  /**
   * Makes the next call to the service fail as throttled; false when this kind of target is never
   * throttled.
   */
  protected abstract boolean throttleNextCall();

  /**
   * Puts something in the target that guardwall does not own (another rule, an entry someone else
   * added); false when this kind of target cannot hold any.
   */
  protected abstract boolean addForeignEntry();

  /** Whether what {@link #addForeignEntry()} put there is still there, exactly. */
  protected abstract boolean foreignEntryIntact();

  @BeforeEach
  public void openTarget() {
    target = newTarget(ROOM);
  }

  @Test
  public void read_shouldHoldNothingWithRoomAndAVersion_whenNeverWritten() {
    TargetSnapshot snapshot = target.read();

    assertThat(snapshot.blocked()).isEmpty();
    assertThat(snapshot.budget().fits(ROOM, 0)).isTrue();
    assertThat(snapshot.version()).isNotBlank();
    assertThat(target.name()).isNotBlank();
  }

  @Test
  public void apply_shouldBeReadBackExactlyWithANewVersion() {
    TargetSnapshot before = target.read();

    target.apply(before, cidrs("192.0.2.1/32", "198.51.100.0/24"));

    TargetSnapshot after = target.read();
    assertThat(after.blocked()).isEqualTo(set("192.0.2.1/32", "198.51.100.0/24"));
    assertThat(after.version()).isNotEqualTo(before.version());
  }

  @Test
  public void apply_shouldLeaveTheSameState_whenAppliedAgainFromAFreshRead() {
    target.apply(target.read(), cidrs("192.0.2.1/32", "203.0.113.7/32"));
    TargetSnapshot first = target.read();

    target.apply(first, cidrs("192.0.2.1/32", "203.0.113.7/32"));

    assertThat(target.read().blocked()).isEqualTo(first.blocked());
  }

  @Test
  public void apply_shouldReplaceWhatWasBlocked_whenTheSelectionChanges() {
    target.apply(target.read(), cidrs("192.0.2.1/32", "203.0.113.7/32"));

    target.apply(target.read(), cidrs("203.0.113.7/32", "198.51.100.9/32"));

    assertThat(target.read().blocked()).isEqualTo(set("203.0.113.7/32", "198.51.100.9/32"));
  }

  @Test
  public void apply_shouldThrowConflictAndKeepTheNewerState_whenTheReadIsStale() {
    TargetSnapshot stale = target.read();
    target.apply(stale, cidrs("192.0.2.1/32"));

    assertThatThrownBy(() -> target.apply(stale, cidrs("192.0.2.2/32")))
        .isInstanceOf(FirewallConflictException.class);
    assertThat(target.read().blocked()).isEqualTo(set("192.0.2.1/32"));
  }

  @Test
  public void apply_shouldThrowRetryableAndSucceedOnRetry_whenThrottled() {
    assumeTrue(throttleNextCall(), "this kind of target is never throttled");

    assertThatThrownBy(() -> target.apply(target.read(), cidrs("192.0.2.1/32")))
        .isInstanceOf(FirewallRetryableException.class);

    target.apply(target.read(), cidrs("192.0.2.1/32"));
    assertThat(target.read().blocked()).isEqualTo(set("192.0.2.1/32"));
  }

  @Test
  public void apply_shouldHoldTheSelection_whenMoreIsDesiredThanFits() {
    List<BlocklistEntry> desired = new ArrayList<>();
    IntStream.range(0, ROOM * 3)
        .forEach(i -> desired.add(entry("198.51.100." + (2 * i + 1) + "/32", SeverityLevel.HIGH)));
    desired.add(entry("203.0.113.99/32", SeverityLevel.LOW));
    TargetSnapshot before = target.read();

    TargetSelection selection = selector().select(desired, before.budget());
    target.apply(before, selection.blocked());

    assertThat(selection.evicted()).isNotEmpty();
    assertThat(selection.evicted().get(0).cidr()).isEqualTo(Cidr.parse("203.0.113.99/32"));
    assertThat(target.read().blocked()).isEqualTo(Set.copyOf(selection.blocked()));
  }

  @Test
  public void apply_shouldRefuse_whenTheListDoesNotFitTheRoom() {
    TargetSnapshot before = target.read();
    List<Cidr> tooMany =
        IntStream.range(0, 200).mapToObj(i -> Cidr.parse("198.51.100." + i + "/32")).toList();
    assumeTrue(!before.budget().fits(tooMany.size(), 0), "the target has room for 200");

    assertThatThrownBy(() -> target.apply(before, tooMany)).isInstanceOf(FirewallException.class);
    assertThat(target.read().blocked()).isEmpty();
  }

  @Test
  public void apply_shouldHoldBothFamilies_whenIpv6IsBlocked() {
    target.apply(target.read(), cidrs("192.0.2.1/32", "2001:db8::/64", "2001:db8:1::7/128"));

    assertThat(target.read().blocked())
        .isEqualTo(set("192.0.2.1/32", "2001:db8::/64", "2001:db8:1::7/128"));
  }

  @Test
  public void apply_shouldBlockNothing_whenTheSelectionIsEmpty() {
    target.apply(target.read(), cidrs("192.0.2.1/32", "2001:db8::/64"));

    target.apply(target.read(), List.of());

    assertThat(target.read().blocked()).isEmpty();
  }

  @Test
  public void apply_shouldLeaveForeignEntriesAsTheyWere() {
    assumeTrue(addForeignEntry(), "this kind of target holds nothing foreign");

    target.apply(target.read(), cidrs("192.0.2.1/32"));
    target.apply(target.read(), List.of());

    assertThat(foreignEntryIntact()).isTrue();
    assertThat(target.read().blocked()).isEmpty();
  }

  @Test
  public void apply_shouldLetOneWriterWin_whenSeveralWriteOnTheSameRead() throws Exception {
    TargetSnapshot read = target.read();

    List<String> winners =
        Race.run(
            4,
            t -> {
              String cidr = "192.0.2." + (t + 1) + "/32";
              try {
                target.apply(read, cidrs(cidr));
                return List.of(cidr);
              } catch (FirewallConflictException e) {
                return List.of();
              }
            });

    assertThat(winners).hasSize(1);
    assertThat(target.read().blocked()).isEqualTo(set(winners.get(0)));
  }

  /** CIDRs in the order core hands them over: IPv4 first, each family ascending. */
  protected static List<Cidr> cidrs(String... values) {
    return java.util.Arrays.stream(values).map(Cidr::parse).sorted(Cidr::compareTo).toList();
  }

  protected static Set<Cidr> set(String... values) {
    return java.util.Arrays.stream(values).map(Cidr::parse).collect(Collectors.toSet());
  }

  private static TargetSelector selector() {
    return new TargetSelector(SafetyRule.of(GuardwallConfig.defaults()));
  }

  private static BlocklistEntry entry(String cidr, SeverityLevel severity) {
    return BlocklistEntry.create(Sighting.of(cidr, NOW).severity(severity).build());
  }
}
