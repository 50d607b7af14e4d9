package io.guardwall.core.plan;

import static io.guardwall.core.plan.PlanFixtures.T0;
import static io.guardwall.core.plan.PlanFixtures.addresses;
import static io.guardwall.core.plan.PlanFixtures.assertSafe;
import static io.guardwall.core.plan.PlanFixtures.cidrs;
import static io.guardwall.core.plan.PlanFixtures.entries;
import static io.guardwall.core.plan.PlanFixtures.entry;
import static io.guardwall.core.plan.PlanFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Capacity accounting and the eviction order. */
class RuleGroupPlannerCapacityTest {

  private final RuleGroupPlanner planner =
      new RuleGroupPlanner(
          RuleGroupLayout.defaults(),
          io.guardwall.core.policy.SafetyRule.of(
              io.guardwall.core.config.GuardwallConfig.defaults()));

  private static ObjectNode foreignRule(String matchAttributes) {
    return json(
        "{'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [{'Priority': 1,"
            + " 'RuleDefinition': {'Actions': ['aws:pass'], 'MatchAttributes': "
            + matchAttributes
            + "}}]}}}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{} | 1",
        "{'Sources': [], 'Destinations': [], 'Protocols': []} | 1",
        "{'Sources': [{'AddressDefinition': '192.0.2.0/24'}, {'AddressDefinition': '192.0.2.1/32'}]} | 2",
        "{'Sources': [{'AddressDefinition': 'a'}, {'AddressDefinition': 'b'}],"
            + " 'Destinations': [{'AddressDefinition': 'c'}, {'AddressDefinition': 'd'}, {'AddressDefinition': 'e'}],"
            + " 'SourcePorts': [{'FromPort': 1, 'ToPort': 2}, {'FromPort': 5, 'ToPort': 9}],"
            + " 'DestinationPorts': [{'FromPort': 1, 'ToPort': 2}],"
            + " 'Protocols': [6, 17],"
            + " 'TCPFlags': [{'Flags': ['SYN']}, {'Flags': ['ACK']}]} | 48",
      })
  void plan_shouldCountForeignRuleCapacityAsProductOfValueCounts_whenRuleHasMatchSettings(
      String matchAttributes, int expected) {
    RuleGroupPlan plan = planner.plan(List.of(), foreignRule(matchAttributes), 1000);

    assertThat(plan.capacityUsed()).isEqualTo(expected);
  }

  @Test
  void plan_shouldSubtractForeignCapacityFromTheBudget_whenForeignRulesExist() {
    ObjectNode current =
        foreignRule(
            "{'Sources': [{'AddressDefinition': '192.0.2.0/24'}, {'AddressDefinition': '192.0.2.1/32'}],"
                + " 'Protocols': [6, 17]}");

    RuleGroupPlan plan =
        planner.plan(entries("198.51.100.1", "198.51.100.3", "198.51.100.5"), current, 4 + 5);

    assertThat(plan.blocked()).hasSize(2);
    assertThat(plan.evicted()).hasSize(1);
    assertThat(plan.capacityUsed()).isEqualTo(8);
  }

  @Test
  void plan_shouldEvictLowestSeverityThenOldest_whenEntriesDoNotFit() {
    BlocklistEntry lowOld =
        entry("198.51.100.1/32", SeverityLevel.LOW, T0.minusSeconds(7200), false);
    BlocklistEntry lowNew = entry("198.51.100.3/32", SeverityLevel.LOW, T0, false);
    BlocklistEntry highOld =
        entry("198.51.100.5/32", SeverityLevel.HIGH, T0.minusSeconds(7200), false);
    BlocklistEntry mediumNew = entry("198.51.100.7/32", SeverityLevel.MEDIUM, T0, false);
    BlocklistEntry criticalOld =
        entry("198.51.100.9/32", SeverityLevel.CRITICAL, T0.minusSeconds(9999), false);

    RuleGroupPlan plan =
        planner.plan(List.of(lowNew, criticalOld, lowOld, mediumNew, highOld), null, 2 * 2 + 1);

    assertThat(cidrs(plan.blocked())).containsExactly("198.51.100.5/32", "198.51.100.9/32");
    assertThat(plan.evicted()).containsExactly(lowOld, lowNew, mediumNew);
    assertThat(plan.capacityUsed()).isEqualTo(4);
  }

  @Test
  void plan_shouldEvictUnpinnedFirst_whenAPinnedEntryHasLowerSeverity() {
    BlocklistEntry pinnedLow =
        entry("198.51.100.1/32", SeverityLevel.LOW, T0.minusSeconds(99999), true);
    BlocklistEntry critical = entry("198.51.100.3/32", SeverityLevel.CRITICAL, T0, false);

    RuleGroupPlan plan = planner.plan(List.of(critical, pinnedLow), null, 2);

    assertThat(cidrs(plan.blocked())).containsExactly("198.51.100.1/32");
    assertThat(plan.evicted()).containsExactly(critical);
  }

  @Test
  void plan_shouldEvictPinnedEntries_whenPinnedAloneOverflow() {
    BlocklistEntry pinnedLow = entry("198.51.100.1/32", SeverityLevel.LOW, T0, true);
    BlocklistEntry pinnedHigh = entry("198.51.100.3/32", SeverityLevel.HIGH, T0, true);
    BlocklistEntry pinnedHighOld =
        entry("198.51.100.5/32", SeverityLevel.HIGH, T0.minusSeconds(1), true);
    BlocklistEntry unpinned = entry("198.51.100.7/32", SeverityLevel.CRITICAL, T0, false);

    RuleGroupPlan plan =
        planner.plan(List.of(pinnedLow, pinnedHigh, pinnedHighOld, unpinned), null, 4);

    assertThat(cidrs(plan.blocked())).containsExactly("198.51.100.3/32", "198.51.100.5/32");
    assertThat(plan.evicted()).containsExactly(unpinned, pinnedLow);
  }

  @Test
  void plan_shouldKeepEverything_whenMergingMakesItFit() {
    RuleGroupPlan plan = planner.plan(entries("198.51.100.6", "198.51.100.7"), null, 2);

    assertThat(cidrs(plan.blocked())).containsExactly("198.51.100.6/31");
    assertThat(plan.evicted()).isEmpty();
    assertThat(plan.capacityUsed()).isEqualTo(2);
  }

  /**
   * Adding an entry can close a gap, so a longer prefix of the order may fit when a shorter does
   * not.
   */
  @Test
  void plan_shouldKeepTheLongestFittingPrefix_whenALaterEntryLowersTheCost() {
    BlocklistEntry high = entry("203.0.113.0/32", SeverityLevel.HIGH, T0, false);
    BlocklistEntry medium = entry("203.0.113.2/31", SeverityLevel.MEDIUM, T0, false);
    BlocklistEntry low = entry("203.0.113.1/32", SeverityLevel.LOW, T0, false);

    RuleGroupPlan plan = planner.plan(List.of(low, medium, high), null, 3);

    assertThat(cidrs(plan.blocked())).containsExactly("203.0.113.0/30");
    assertThat(plan.evicted()).isEmpty();
  }

  @Test
  void plan_shouldNotReportAnEntryAsEvicted_whenAKeptCidrStillCoversIt() {
    BlocklistEntry network = entry("198.51.100.0/24", SeverityLevel.HIGH, T0, false);
    BlocklistEntry other = entry("203.0.113.9/32", SeverityLevel.MEDIUM, T0, false);
    BlocklistEntry inside = entry("198.51.100.77/32", SeverityLevel.LOW, T0, false);

    RuleGroupPlan plan = planner.plan(List.of(inside, other, network), null, 2);

    assertThat(cidrs(plan.blocked())).containsExactly("198.51.100.0/24");
    assertThat(plan.evicted()).containsExactly(other);
  }

  @Test
  void plan_shouldEvictEverythingAndRenderThePlaceholder_whenCapacityIsBelowOneCidr() {
    List<BlocklistEntry> desired = entries("198.51.100.7", "2001:db8::1");

    RuleGroupPlan plan = planner.plan(desired, null, 1);

    assertThat(plan.blocked()).isEmpty();
    assertThat(plan.evicted()).containsExactlyInAnyOrderElementsOf(desired);
    assertThat(addresses(plan.ruleGroup(), 30000, "Sources")).containsExactly("0.0.0.0/32");
    assertThat(plan.capacityUsed()).isEqualTo(1);
    assertSafe(plan.ruleGroup());
  }

  @Test
  void plan_shouldEvictEverything_whenForeignRulesUseAllCapacity() {
    RuleGroupPlan plan = planner.plan(entries("198.51.100.7"), foreignRule("{}"), 2);

    assertThat(plan.blocked()).isEmpty();
    assertThat(plan.evicted()).hasSize(1);
    assertThat(plan.capacityUsed()).isEqualTo(1);
    assertSafe(plan.ruleGroup());
  }

  @Test
  void plan_shouldRejectTheGroup_whenForeignRulesAloneExceedCapacity() {
    ObjectNode current = foreignRule("{'Protocols': [6, 17, 1]}");

    assertThatThrownBy(() -> planner.plan(List.of(), current, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 3 capacity units")
        .hasMessageContaining("capacity 2");
  }

  @Test
  void plan_shouldRenderEveryEntry_whenFifteenThousandFit() {
    List<BlocklistEntry> desired = new ArrayList<>();
    for (int i = 0; i < 15_000; i++) {
      desired.add(entry("5.18." + (i / 128) + "." + (i % 128 * 2) + "/32"));
    }

    RuleGroupPlan plan = planner.plan(desired, null, 30_000);

    assertThat(plan.blocked()).hasSize(15_000);
    assertThat(plan.evicted()).isEmpty();
    assertThat(plan.capacityUsed()).isEqualTo(30_000);
    assertThat(addresses(plan.ruleGroup(), 30100, "Destinations")).hasSize(15_000);
  }

  /**
   * Random entries and capacities against a brute-force model: the kept entries are the longest
   * fitting prefix of the eviction order (plus those a kept CIDR covers), the rendering is exact
   * and within capacity.
   */
  @Test
  void plan_shouldMatchABruteForceModel_whenEntriesAndCapacityAreRandom() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      List<BlocklistEntry> desired = randomEntries(random, 1 + random.nextInt(30));
      int capacity = 1 + random.nextInt(40);

      RuleGroupPlan plan = planner.plan(desired, null, capacity);

      List<BlocklistEntry> order = new ArrayList<>(desired);
      order.sort(CapacityFit.KEEP_ORDER);
      int kept = 0;
      for (int k = 1; k <= order.size(); k++) {
        if (2 * CidrMerger.merge(cidrsOf(order.subList(0, k))).size() <= capacity) {
          kept = k;
        }
      }
      List<Cidr> expected = CidrMerger.merge(cidrsOf(order.subList(0, kept)));
      assertThat(plan.blocked()).as("round %d", round).isEqualTo(expected);
      Set<BlocklistEntry> evicted = new HashSet<>(plan.evicted());
      for (BlocklistEntry entry : order.subList(kept, order.size())) {
        boolean covered = expected.stream().anyMatch(c -> c.contains(entry.cidr()));
        assertThat(evicted.contains(entry))
            .as("round %d: %s", round, entry.cidr())
            .isEqualTo(!covered);
      }
      assertThat(plan.evicted()).hasSize(evicted.size());
      assertThat(plan.capacityUsed()).isLessThanOrEqualTo(capacity);
      assertSafe(plan.ruleGroup());
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
