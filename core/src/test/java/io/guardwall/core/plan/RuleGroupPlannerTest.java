package io.guardwall.core.plan;

import static io.guardwall.core.plan.PlanFixtures.actionNames;
import static io.guardwall.core.plan.PlanFixtures.addresses;
import static io.guardwall.core.plan.PlanFixtures.assertSafe;
import static io.guardwall.core.plan.PlanFixtures.cidrs;
import static io.guardwall.core.plan.PlanFixtures.entries;
import static io.guardwall.core.plan.PlanFixtures.json;
import static io.guardwall.core.plan.PlanFixtures.rule;
import static io.guardwall.core.plan.PlanFixtures.rules;
import static io.guardwall.core.plan.PlanFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering, keeping what guardwall does not own, and change detection. */
class RuleGroupPlannerTest {

  private static final int CAPACITY = 1000;
  private final RuleGroupPlanner planner =
      new RuleGroupPlanner(
          RuleGroupLayout.defaults(),
          io.guardwall.core.policy.SafetyRule.of(
              io.guardwall.core.config.GuardwallConfig.defaults()));

  /** A group with a rule (capacity 2 x 2) and custom action of someone else's, and variables. */
  private static final String FOREIGN =
      """
      {'RuleVariables': {'PortSets': {'web': {'Definition': ['443', '80']}}},
       'RulesSource': {'StatelessRulesAndCustomActions': {
         'StatelessRules': [
           {'RuleDefinition': {'Actions': ['aws:pass', 'TheirMetric'],
                               'MatchAttributes': {'Protocols': [6, 17], 'DestinationPorts': [{'FromPort': 443, 'ToPort': 443}],
                                                   'Sources': [{'AddressDefinition': '192.0.2.0/24'}, {'AddressDefinition': '192.0.2.77/32'}]}},
            'Priority': 5, 'Note': 'kept as is'}],
         'CustomActions': [{'ActionName': 'TheirMetric',
                            'ActionDefinition': {'PublishMetricAction': {'Dimensions': [{'Value': 'theirs'}]}}}]}}}
      """;

  @Test
  void plan_shouldRenderTheDocumentedRuleGroup_whenCurrentIsNull() {
    RuleGroupPlan plan = planner.plan(entries("198.51.100.7/32"), null, CAPACITY);

    assertThat(plan.ruleGroup())
        .isEqualTo(
            json(
                """
                {'RulesSource': {'StatelessRulesAndCustomActions': {
                  'StatelessRules': [
                    {'Priority': 30000, 'RuleDefinition': {
                       'MatchAttributes': {'Sources': [{'AddressDefinition': '198.51.100.7/32'}]},
                       'Actions': ['aws:drop', 'GuardwallBlocked']}},
                    {'Priority': 30100, 'RuleDefinition': {
                       'MatchAttributes': {'Destinations': [{'AddressDefinition': '198.51.100.7/32'}]},
                       'Actions': ['aws:drop', 'GuardwallBlocked']}}],
                  'CustomActions': [{'ActionName': 'GuardwallBlocked', 'ActionDefinition':
                    {'PublishMetricAction': {'Dimensions': [{'Value': 'guardwall'}]}}}]}}}
                """));
    assertThat(write(plan.ruleGroup()))
        .as("field order as in the API reference")
        .isEqualTo(
            "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":[{\"Priority\":30000,"
                + "\"RuleDefinition\":{\"MatchAttributes\":{\"Sources\":[{\"AddressDefinition\":\"198.51.100.7/32\"}]},"
                + "\"Actions\":[\"aws:drop\",\"GuardwallBlocked\"]}},{\"Priority\":30100,\"RuleDefinition\":"
                + "{\"MatchAttributes\":{\"Destinations\":[{\"AddressDefinition\":\"198.51.100.7/32\"}]},"
                + "\"Actions\":[\"aws:drop\",\"GuardwallBlocked\"]}}],\"CustomActions\":[{\"ActionName\":"
                + "\"GuardwallBlocked\",\"ActionDefinition\":{\"PublishMetricAction\":{\"Dimensions\":"
                + "[{\"Value\":\"guardwall\"}]}}}]}}}");
    assertThat(cidrs(plan.blocked())).containsExactly("198.51.100.7/32");
    assertThat(plan.evicted()).isEmpty();
    assertThat(plan.capacityUsed()).isEqualTo(2);
    assertThat(plan.capacity()).isEqualTo(CAPACITY);
    assertThat(plan.changed()).isTrue();
  }

  @Test
  void plan_shouldRenderMergedCidrsSortedIpv4First_whenEntriesAreAdjacentAndMixed() {
    RuleGroupPlan plan =
        planner.plan(
            entries("2001:db8::1", "198.51.100.7", "2001:db8::", "198.51.100.6", "203.0.113.9"),
            null,
            CAPACITY);

    List<String> expected = List.of("198.51.100.6/31", "203.0.113.9/32", "2001:db8::/127");
    assertThat(cidrs(plan.blocked())).isEqualTo(expected);
    assertThat(addresses(plan.ruleGroup(), 30000, "Sources")).isEqualTo(expected);
    assertThat(addresses(plan.ruleGroup(), 30100, "Destinations")).isEqualTo(expected);
    assertThat(plan.capacityUsed()).isEqualTo(6);
    assertSafe(plan.ruleGroup());
  }

  @Test
  void plan_shouldKeepForeignRulesActionsAndOtherFieldsByteForByte_whenRendering() {
    ObjectNode current = json(FOREIGN);
    String foreignRule = write(rule(current, 5));
    String variables = write(current.get("RuleVariables"));

    RuleGroupPlan plan = planner.plan(entries("198.51.100.7"), current, CAPACITY);

    assertThat(write(rule(plan.ruleGroup(), 5))).isEqualTo(foreignRule);
    assertThat(write(plan.ruleGroup().get("RuleVariables"))).isEqualTo(variables);
    assertThat(actionNames(plan.ruleGroup())).containsExactly("TheirMetric", "GuardwallBlocked");
    assertThat(rules(plan.ruleGroup()))
        .extracting(r -> r.get("Priority").intValue())
        .containsExactly(5, 30000, 30100);
    assertThat(plan.capacityUsed()).isEqualTo(4 + 2);
  }

  @Test
  void plan_shouldNotModifyCurrentNorShareNodesWithIt_whenRendering() {
    ObjectNode current = json(FOREIGN);
    ObjectNode before = current.deepCopy();

    RuleGroupPlan plan = planner.plan(entries("198.51.100.7"), current, CAPACITY);
    ((ObjectNode) rule(plan.ruleGroup(), 5)).put("Note", "changed");
    ((ObjectNode) plan.ruleGroup().get("RuleVariables")).removeAll();

    assertThat(current).isEqualTo(before);
  }

  @Test
  void plan_shouldSortAllRulesByPriority_whenForeignRulesSurroundOwnOnes() {
    ObjectNode current =
        json(
            """
            {'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [
              {'Priority': 40000, 'RuleDefinition': {'MatchAttributes': {}, 'Actions': ['aws:pass']}},
              {'Priority': 30000, 'RuleDefinition': {'MatchAttributes': {'Sources': [{'AddressDefinition': '203.0.113.1/32'}]}, 'Actions': ['aws:drop']}},
              {'Priority': 7, 'RuleDefinition': {'MatchAttributes': {}, 'Actions': ['aws:forward_to_sfe']}}]}}}
            """);

    RuleGroupPlan plan = planner.plan(entries("198.51.100.7"), current, CAPACITY);

    assertThat(rules(plan.ruleGroup()))
        .extracting(r -> r.get("Priority").intValue())
        .containsExactly(7, 30000, 30100, 40000);
    assertThat(addresses(plan.ruleGroup(), 30000, "Sources")).containsExactly("198.51.100.7/32");
    assertThat(plan.changed()).isTrue();
  }

  @Test
  void plan_shouldOmitOwnRulesAndAction_whenNothingIsBlockedAndOtherRulesExist() {
    ObjectNode current = planner.plan(entries("198.51.100.7"), json(FOREIGN), CAPACITY).ruleGroup();

    RuleGroupPlan plan = planner.plan(List.of(), current, CAPACITY);

    assertThat(rules(plan.ruleGroup()))
        .extracting(r -> r.get("Priority").intValue())
        .containsExactly(5);
    assertThat(actionNames(plan.ruleGroup())).containsExactly("TheirMetric");
    assertThat(plan.ruleGroup()).isEqualTo(json(FOREIGN));
    assertThat(plan.blocked()).isEmpty();
    assertThat(plan.capacityUsed()).isEqualTo(4);
    assertThat(plan.changed()).isTrue();
  }

  @Test
  void plan_shouldRenderAnUnmatchablePlaceholder_whenNothingIsBlockedAndNoOtherRuleExists() {
    ObjectNode current = planner.plan(entries("198.51.100.7"), null, CAPACITY).ruleGroup();

    RuleGroupPlan plan = planner.plan(List.of(), current, CAPACITY);

    assertThat(plan.ruleGroup())
        .isEqualTo(
            json(
                """
                {'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [
                  {'Priority': 30000, 'RuleDefinition': {
                     'MatchAttributes': {'Sources': [{'AddressDefinition': '0.0.0.0/32'}]},
                     'Actions': ['aws:drop']}}]}}}
                """));
    assertThat(plan.blocked()).isEmpty();
    assertThat(plan.capacityUsed()).isEqualTo(1);
    assertThat(plan.changed()).isTrue();
    assertSafe(plan.ruleGroup());
  }

  @Test
  void plan_shouldRenderThePlaceholder_whenCurrentIsAnEmptyObjectOrHasEmptyLists() {
    for (String empty :
        List.of(
            "{}",
            "{'RulesSource': null}",
            "{'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [], 'CustomActions': []}}}")) {
      RuleGroupPlan plan = planner.plan(List.of(), json(empty), 1);

      assertThat(addresses(plan.ruleGroup(), 30000, "Sources"))
          .as(empty)
          .containsExactly("0.0.0.0/32");
      assertThat(plan.changed()).as(empty).isTrue();
    }
  }

  @Test
  void plan_shouldKeepOwnCustomAction_whenAForeignRuleUsesItAndNothingIsBlocked() {
    ObjectNode current =
        json(
            """
            {'RulesSource': {'StatelessRulesAndCustomActions': {
              'StatelessRules': [{'Priority': 1, 'RuleDefinition': {'MatchAttributes': {},
                                  'Actions': ['aws:pass', 'GuardwallBlocked']}}],
              'CustomActions': [{'ActionName': 'GuardwallBlocked', 'ActionDefinition':
                {'PublishMetricAction': {'Dimensions': [{'Value': 'guardwall'}]}}}]}}}
            """);

    RuleGroupPlan plan = planner.plan(List.of(), current, CAPACITY);

    assertThat(actionNames(plan.ruleGroup())).containsExactly("GuardwallBlocked");
    assertThat(plan.changed()).isFalse();
  }

  @Test
  void plan_shouldUseTheConfiguredLayout_whenNotTheDefaults() {
    RuleGroupPlanner custom =
        new RuleGroupPlanner(
            new RuleGroupLayout(200, 100, "Blk", "gw-1"),
            io.guardwall.core.policy.SafetyRule.of(
                io.guardwall.core.config.GuardwallConfig.defaults()));
    ObjectNode current =
        json(
            """
            {'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [
              {'Priority': 30000, 'RuleDefinition': {'MatchAttributes': {'Sources': [{'AddressDefinition': '192.0.2.1/32'}]},
                                                     'Actions': ['aws:drop']}}]}}}
            """);

    RuleGroupPlan plan = custom.plan(entries("198.51.100.7"), current, CAPACITY);

    assertThat(addresses(plan.ruleGroup(), 200, "Sources")).containsExactly("198.51.100.7/32");
    assertThat(addresses(plan.ruleGroup(), 100, "Destinations")).containsExactly("198.51.100.7/32");
    assertThat(addresses(plan.ruleGroup(), 30000, "Sources")).containsExactly("192.0.2.1/32");
    assertThat(rule(plan.ruleGroup(), 200).path("RuleDefinition").path("Actions"))
        .containsExactly(json("{'a': 'aws:drop'}").get("a"), json("{'a': 'Blk'}").get("a"));
    assertThat(plan.ruleGroup().at("/RulesSource/StatelessRulesAndCustomActions/CustomActions/0"))
        .isEqualTo(
            json(
                "{'ActionName': 'Blk', 'ActionDefinition': {'PublishMetricAction': {'Dimensions': [{'Value': 'gw-1'}]}}}"));
    assertThat(plan.capacityUsed()).isEqualTo(3);
  }

  @Test
  void plan_shouldReportUnchanged_whenPlanningItsOwnOutputAgain() {
    List<io.guardwall.core.model.BlocklistEntry> desired =
        entries("198.51.100.6", "198.51.100.7", "2001:db8::1", "203.0.113.0/24");
    RuleGroupPlan first = planner.plan(desired, json(FOREIGN), CAPACITY);

    RuleGroupPlan second = planner.plan(desired, first.ruleGroup(), CAPACITY);

    assertThat(second.changed()).isFalse();
    assertThat(second.ruleGroup()).isEqualTo(first.ruleGroup());
  }

  @Test
  void plan_shouldReportUnchanged_whenOnlyOrderDiffersInCurrent() {
    ObjectNode current =
        json(
            """
            {'RulesSource': {'StatelessRulesAndCustomActions': {
              'CustomActions': [{'ActionDefinition': {'PublishMetricAction': {'Dimensions': [{'Value': 'guardwall'}]}},
                                 'ActionName': 'GuardwallBlocked'}],
              'StatelessRules': [
                {'RuleDefinition': {'Actions': ['GuardwallBlocked', 'aws:drop'], 'MatchAttributes': {'Destinations': [
                   {'AddressDefinition': '203.0.113.9/32'}, {'AddressDefinition': '198.51.100.7/32'}]}}, 'Priority': 30100},
                {'Priority': 30000, 'RuleDefinition': {'MatchAttributes': {'Sources': [
                   {'AddressDefinition': '203.0.113.9/32'}, {'AddressDefinition': '198.51.100.7/32'}]}, 'Actions': ['aws:drop', 'GuardwallBlocked']}}]}}}
            """);

    RuleGroupPlan plan = planner.plan(entries("198.51.100.7", "203.0.113.9"), current, CAPACITY);

    assertThat(plan.changed()).isFalse();
  }

  @Test
  void plan_shouldReportUnchanged_whenThePlaceholderIsAlreadyThere() {
    ObjectNode current = planner.plan(List.of(), null, CAPACITY).ruleGroup();

    assertThat(planner.plan(List.of(), current, CAPACITY).changed()).isFalse();
  }

  @Test
  void plan_shouldReportChanged_whenAnOwnedPartDiffers() {
    ObjectNode rendered = planner.plan(entries("198.51.100.7"), null, CAPACITY).ruleGroup();
    List<ObjectNode> variants =
        List.of(
            withAddress(rendered, 30000, "Sources", "198.51.100.8/32"),
            withAddress(rendered, 30100, "Destinations", "198.51.100.8/32"),
            edit(
                rendered,
                g ->
                    ((ArrayNode)
                            g.at(
                                "/RulesSource/StatelessRulesAndCustomActions/StatelessRules/0/RuleDefinition/Actions"))
                        .remove(1)),
            edit(
                rendered,
                g ->
                    ((ObjectNode)
                            g.at(
                                "/RulesSource/StatelessRulesAndCustomActions/StatelessRules/0/RuleDefinition/MatchAttributes"))
                        .putArray("Protocols")
                        .add(6)),
            edit(
                rendered,
                g ->
                    ((ObjectNode)
                            g.at(
                                "/RulesSource/StatelessRulesAndCustomActions/CustomActions/0/ActionDefinition/PublishMetricAction/Dimensions/0"))
                        .put("Value", "other")),
            edit(
                rendered,
                g ->
                    ((ObjectNode) g.at("/RulesSource/StatelessRulesAndCustomActions"))
                        .remove("CustomActions")),
            edit(
                rendered,
                g ->
                    ((ArrayNode) g.at("/RulesSource/StatelessRulesAndCustomActions/StatelessRules"))
                        .remove(1)));

    for (ObjectNode variant : variants) {
      assertThat(planner.plan(entries("198.51.100.7"), variant, CAPACITY).changed())
          .as(write(variant))
          .isTrue();
    }
  }

  private static ObjectNode withAddress(
      ObjectNode group, int priority, String setting, String cidr) {
    return edit(
        group,
        g -> {
          ArrayNode list =
              (ArrayNode)
                  rule(g, priority).path("RuleDefinition").path("MatchAttributes").get(setting);
          list.removeAll().addObject().put("AddressDefinition", cidr);
        });
  }

  private static ObjectNode edit(ObjectNode group, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode copy = group.deepCopy();
    change.accept(copy);
    return copy;
  }

  @Test
  void plan_shouldReplaceWhateverIsAtOwnedPriorities_whenCurrentHoldsSomethingElseThere() {
    ObjectNode current =
        json(
            """
            {'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [
              {'Priority': 30100, 'RuleDefinition': {'MatchAttributes': {'Protocols': [17]}, 'Actions': ['aws:pass']}}]}}}
            """);

    RuleGroupPlan plan = planner.plan(entries("198.51.100.7"), current, CAPACITY);

    JsonNode replaced = rule(plan.ruleGroup(), 30100);
    assertThat(replaced.path("RuleDefinition").path("MatchAttributes").has("Protocols")).isFalse();
    assertThat(addresses(plan.ruleGroup(), 30100, "Destinations"))
        .containsExactly("198.51.100.7/32");
    assertThat(plan.capacityUsed()).isEqualTo(2);
    assertThat(plan.changed()).isTrue();
  }
}
