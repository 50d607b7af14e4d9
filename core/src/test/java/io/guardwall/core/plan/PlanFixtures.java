package io.guardwall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Entries, JSON and invariants shared by the planner tests. */
final class PlanFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

  private PlanFixtures() {}

  static BlocklistEntry entry(String cidr) {
    return entry(cidr, SeverityLevel.HIGH, T0, false);
  }

  static BlocklistEntry entry(
      String cidr, SeverityLevel severity, Instant lastSeen, boolean pinned) {
    return new BlocklistEntry(
        Cidr.parse(cidr),
        lastSeen.minusSeconds(60),
        lastSeen,
        pinned ? null : lastSeen.plusSeconds(12 * 3600),
        1,
        severity,
        new TreeSet<>(Set.of("Recon:EC2/PortProbeUnprotectedPort")),
        List.of("f-" + cidr),
        List.of(),
        new TreeSet<>(Set.of("123456789012")),
        new TreeSet<>(Set.of("us-east-1")),
        new TreeSet<>(Set.of(Origin.GUARDDUTY)),
        pinned);
  }

  static List<BlocklistEntry> entries(String... cidrs) {
    List<BlocklistEntry> entries = new ArrayList<>();
    for (String cidr : cidrs) {
      entries.add(entry(cidr));
    }
    return entries;
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> cidrs(List<Cidr> cidrs) {
    return cidrs.stream().map(Cidr::value).toList();
  }

  /** The stateless rules of a rendered group. */
  static List<JsonNode> rules(JsonNode group) {
    List<JsonNode> rules = new ArrayList<>();
    group
        .path("RulesSource")
        .path("StatelessRulesAndCustomActions")
        .path("StatelessRules")
        .forEach(rules::add);
    return rules;
  }

  static JsonNode rule(JsonNode group, int priority) {
    return rules(group).stream()
        .filter(rule -> rule.get("Priority").intValue() == priority)
        .findFirst()
        .orElse(null);
  }

  /** The address definitions of one match setting of the rule at {@code priority}. */
  static List<String> addresses(JsonNode group, int priority, String setting) {
    List<String> addresses = new ArrayList<>();
    rule(group, priority)
        .path("RuleDefinition")
        .path("MatchAttributes")
        .path(setting)
        .forEach(a -> addresses.add(a.get("AddressDefinition").textValue()));
    return addresses;
  }

  static List<String> actionNames(JsonNode group) {
    List<String> names = new ArrayList<>();
    group
        .path("RulesSource")
        .path("StatelessRulesAndCustomActions")
        .path("CustomActions")
        .forEach(a -> names.add(a.get("ActionName").textValue()));
    return names;
  }

  /**
   * What every rendered group must satisfy: at least one rule, rules sorted by priority, and no
   * rule with an empty address list (which would match every address).
   */
  static void assertSafe(JsonNode group) {
    List<JsonNode> rules = rules(group);
    assertThat(rules).isNotEmpty();
    List<Integer> priorities = rules.stream().map(r -> r.get("Priority").intValue()).toList();
    assertThat(priorities).isSorted().doesNotHaveDuplicates();
    for (JsonNode rule : rules) {
      JsonNode match = rule.path("RuleDefinition").path("MatchAttributes");
      for (String setting : List.of("Sources", "Destinations")) {
        if (match.has(setting)) {
          assertThat(match.get(setting)).as("%s of rule %s", setting, rule).isNotEmpty();
        }
      }
    }
  }
}
