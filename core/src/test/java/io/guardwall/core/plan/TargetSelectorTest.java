package io.guardwall.core.plan;

import static io.guardwall.core.plan.PlanFixtures.T0;
import static io.guardwall.core.plan.PlanFixtures.cidrs;
import static io.guardwall.core.plan.PlanFixtures.entries;
import static io.guardwall.core.plan.PlanFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What fits a stateless rule group's room (two units a CIDR), in the eviction order. */
class TargetSelectorTest {

  private final TargetSelector selector =
      new TargetSelector(
          io.guardwall.core.policy.SafetyRule.of(
              io.guardwall.core.config.GuardwallConfig.defaults()));

  /** What fits an empty stateless group of {@code capacity} units. */
  private TargetSelection select(List<BlocklistEntry> desired, int capacity) {
    return selector.select(desired, StatelessCapacity.ofEmptyGroup(capacity));
  }

  @Test
  void select_shouldEvictLowestSeverityThenOldest_whenEntriesDoNotFit() {
    BlocklistEntry lowOld =
        entry("198.51.100.1/32", SeverityLevel.LOW, T0.minusSeconds(7200), false);
    BlocklistEntry lowNew = entry("198.51.100.3/32", SeverityLevel.LOW, T0, false);
    BlocklistEntry highOld =
        entry("198.51.100.5/32", SeverityLevel.HIGH, T0.minusSeconds(7200), false);
    BlocklistEntry mediumNew = entry("198.51.100.7/32", SeverityLevel.MEDIUM, T0, false);
    BlocklistEntry criticalOld =
        entry("198.51.100.9/32", SeverityLevel.CRITICAL, T0.minusSeconds(9999), false);

    TargetSelection fit =
        select(List.of(lowNew, criticalOld, lowOld, mediumNew, highOld), 2 * 2 + 1);

    assertThat(cidrs(fit.blocked())).containsExactly("198.51.100.5/32", "198.51.100.9/32");
    assertThat(fit.evicted()).containsExactly(lowOld, lowNew, mediumNew);
  }

  @Test
  void select_shouldEvictUnpinnedFirst_whenAPinnedEntryHasLowerSeverity() {
    BlocklistEntry pinnedLow =
        entry("198.51.100.1/32", SeverityLevel.LOW, T0.minusSeconds(99999), true);
    BlocklistEntry critical = entry("198.51.100.3/32", SeverityLevel.CRITICAL, T0, false);

    TargetSelection fit = select(List.of(critical, pinnedLow), 2);

    assertThat(cidrs(fit.blocked())).containsExactly("198.51.100.1/32");
    assertThat(fit.evicted()).containsExactly(critical);
  }

  @Test
  void select_shouldEvictPinnedEntries_whenPinnedAloneOverflow() {
    BlocklistEntry pinnedLow = entry("198.51.100.1/32", SeverityLevel.LOW, T0, true);
    BlocklistEntry pinnedHigh = entry("198.51.100.3/32", SeverityLevel.HIGH, T0, true);
    BlocklistEntry pinnedHighOld =
        entry("198.51.100.5/32", SeverityLevel.HIGH, T0.minusSeconds(1), true);
    BlocklistEntry unpinned = entry("198.51.100.7/32", SeverityLevel.CRITICAL, T0, false);

    TargetSelection fit = select(List.of(pinnedLow, pinnedHigh, pinnedHighOld, unpinned), 4);

    assertThat(cidrs(fit.blocked())).containsExactly("198.51.100.3/32", "198.51.100.5/32");
    assertThat(fit.evicted()).containsExactly(unpinned, pinnedLow);
  }

  @Test
  void select_shouldKeepEverything_whenMergingMakesItFit() {
    TargetSelection fit = select(entries("198.51.100.6", "198.51.100.7"), 2);

    assertThat(cidrs(fit.blocked())).containsExactly("198.51.100.6/31");
    assertThat(fit.evicted()).isEmpty();
  }

  /**
   * Adding an entry can close a gap, so a longer prefix of the order may fit when a shorter does
   * not.
   */
  @Test
  void select_shouldKeepTheLongestFittingPrefix_whenALaterEntryLowersTheCost() {
    BlocklistEntry high = entry("203.0.113.0/32", SeverityLevel.HIGH, T0, false);
    BlocklistEntry medium = entry("203.0.113.2/31", SeverityLevel.MEDIUM, T0, false);
    BlocklistEntry low = entry("203.0.113.1/32", SeverityLevel.LOW, T0, false);

    TargetSelection fit = select(List.of(low, medium, high), 3);

    assertThat(cidrs(fit.blocked())).containsExactly("203.0.113.0/30");
    assertThat(fit.evicted()).isEmpty();
  }

  @Test
  void select_shouldNotReportAnEntryAsEvicted_whenAKeptCidrStillCoversIt() {
    BlocklistEntry network = entry("198.51.100.0/24", SeverityLevel.HIGH, T0, false);
    BlocklistEntry other = entry("203.0.113.9/32", SeverityLevel.MEDIUM, T0, false);
    BlocklistEntry inside = entry("198.51.100.77/32", SeverityLevel.LOW, T0, false);

    TargetSelection fit = select(List.of(inside, other, network), 2);

    assertThat(cidrs(fit.blocked())).containsExactly("198.51.100.0/24");
    assertThat(fit.evicted()).containsExactly(other);
  }

  @Test
  void select_shouldEvictEverything_whenCapacityIsBelowOneCidr() {
    List<BlocklistEntry> desired = entries("198.51.100.7", "2001:db8::1");

    TargetSelection fit = select(desired, 1);

    assertThat(fit.blocked()).isEmpty();
    assertThat(fit.evicted()).containsExactlyInAnyOrderElementsOf(desired);
  }

  @Test
  void select_shouldKeepEveryEntry_whenFifteenThousandFitTheLargestGroup() {
    List<BlocklistEntry> desired = new ArrayList<>();
    for (int i = 0; i < 15_000; i++) {
      desired.add(entry("5.18." + (i / 128) + "." + (i % 128 * 2) + "/32"));
    }

    TargetSelection fit = select(desired, 30_000);

    assertThat(fit.blocked()).hasSize(15_000);
    assertThat(fit.evicted()).isEmpty();
  }

  /**
   * Random entries and capacities against a brute-force model: the kept entries are the longest
   * fitting prefix of the eviction order (plus those a kept CIDR covers).
   */
  @Test
  void select_shouldMatchABruteForceModel_whenEntriesAndCapacityAreRandom() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      List<BlocklistEntry> desired = randomEntries(random, 1 + random.nextInt(30));
      int capacity = 1 + random.nextInt(40);

      TargetSelection fit = select(desired, capacity);

      List<BlocklistEntry> order = new ArrayList<>(desired);
      order.sort(CapacityFit.KEEP_ORDER);
      int kept = 0;
      for (int k = 1; k <= order.size(); k++) {
        if (2 * CidrMerger.merge(cidrsOf(order.subList(0, k))).size() <= capacity) {
          kept = k;
        }
      }
      List<Cidr> expected = CidrMerger.merge(cidrsOf(order.subList(0, kept)));
      assertThat(fit.blocked()).as("round %d", round).isEqualTo(expected);
      Set<BlocklistEntry> evicted = new HashSet<>(fit.evicted());
      for (BlocklistEntry entry : order.subList(kept, order.size())) {
        boolean covered = expected.stream().anyMatch(c -> c.contains(entry.cidr()));
        assertThat(evicted.contains(entry))
            .as("round %d: %s", round, entry.cidr())
            .isEqualTo(!covered);
      }
      assertThat(fit.evicted()).hasSize(evicted.size());
    }
  }

  private static List<Cidr> cidrsOf(List<BlocklistEntry> entries) {
    return entries.stream().map(BlocklistEntry::cidr).toList();
  }

  private static List<BlocklistEntry> randomEntries(Random random, int count) {
    List<BlocklistEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (entries.size() < count) {
      int prefix = 32 - (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
      int host = (random.nextInt(32) >> (32 - prefix)) << (32 - prefix);
      String cidr =
          random.nextInt(6) == 0
              ? "2001:db8::" + random.nextInt(4) + "/128"
              : "198.51.100." + host + "/" + prefix;
      if (seen.add(cidr)) {
        SeverityLevel severity = SeverityLevel.values()[random.nextInt(5)];
        entries.add(
            entry(cidr, severity, T0.minusSeconds(random.nextInt(5)), random.nextInt(8) == 0));
      }
    }
    return entries;
  }
}
