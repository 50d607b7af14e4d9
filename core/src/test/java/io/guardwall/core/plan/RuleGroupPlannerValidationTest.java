package io.guardwall.core.plan;

import static io.guardwall.core.plan.PlanFixtures.entries;
import static io.guardwall.core.plan.PlanFixtures.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.BlocklistEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: capacity, desired entries and current groups that are not the documented shape. */
class RuleGroupPlannerValidationTest {

  private final RuleGroupPlanner planner =
      new RuleGroupPlanner(
          RuleGroupLayout.defaults(),
          io.guardwall.core.policy.SafetyRule.of(
              io.guardwall.core.config.GuardwallConfig.defaults()));

  private static final String RULES =
      "{'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [%s]}}}";
  private static final String ACTIONS =
      "{'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [], 'CustomActions': [%s]}}}";

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void plan_shouldRejectCapacity_whenNotPositive(int capacity) {
    assertThatThrownBy(() -> planner.plan(List.of(), null, capacity))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity must be positive");
  }

  @Test
  void plan_shouldRejectNullDesired_whenListOrEntryIsNull() {
    assertThatThrownBy(() -> planner.plan(null, null, 10)).isInstanceOf(NullPointerException.class);
    List<BlocklistEntry> withNull = new ArrayList<>(entries("198.51.100.7"));
    withNull.add(null);
    assertThatThrownBy(() -> planner.plan(withNull, null, 10))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("desired contains null");
  }

  @Test
  void constructor_shouldRejectNullLayout() {
    assertThatThrownBy(
            () ->
                new RuleGroupPlanner(
                    (RuleGroupLayout) null, (io.guardwall.core.policy.SafetyRule) null))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'RulesSource': 'x'} | RulesSource must be an object",
        "{'RulesSource': {'RulesString': 'drop tcp any any -> any any (sid:1;)'}} | stateful (it has RulesSource.RulesString)",
        "{'RulesSource': {'RulesSourceList': {'Targets': ['a.example']}}} | stateful (it has RulesSource.RulesSourceList)",
        "{'RulesSource': {'StatefulRules': []}} | stateful (it has RulesSource.StatefulRules)",
        "{'RulesSource': {'StatelessRulesAndCustomActions': []} } | RulesSource.StatelessRulesAndCustomActions must be an object",
        "{'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': {}}}} | StatelessRules must be an array, not OBJECT",
        "{'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': 'rules'}}} | StatelessRules must be an array, not STRING",
        "{'RulesSource': {'StatelessRulesAndCustomActions': {'StatelessRules': [], 'CustomActions': {}}}} | CustomActions must be an array",
      })
  void plan_shouldRejectCurrent_whenItIsNotAStatelessRuleGroup(String current, String message) {
    assertRejected(current, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "7 | StatelessRules[0] must be an object, not NUMBER",
        "{'RuleDefinition': {'MatchAttributes': {}}} | StatelessRules[0].Priority must be an integer, not missing",
        "{'Priority': '5', 'RuleDefinition': {'MatchAttributes': {}}} | Priority must be an integer, not STRING",
        "{'Priority': 1.5, 'RuleDefinition': {'MatchAttributes': {}}} | Priority must be an integer, not NUMBER",
        "{'Priority': 1e12, 'RuleDefinition': {'MatchAttributes': {}}} | Priority must be an integer, not NUMBER",
        "{'Priority': 99999999999, 'RuleDefinition': {'MatchAttributes': {}}} | Priority must be an integer",
        "{'Priority': 0, 'RuleDefinition': {'MatchAttributes': {}}} | Priority must be in 1..65535: 0",
        "{'Priority': 65536, 'RuleDefinition': {'MatchAttributes': {}}} | Priority must be in 1..65535: 65536",
        "{'Priority': 5} | StatelessRules[0].RuleDefinition is missing",
        "{'Priority': 5, 'RuleDefinition': []} | StatelessRules[0].RuleDefinition must be an object",
        "{'Priority': 5, 'RuleDefinition': {'Actions': ['aws:drop']}} | StatelessRules[0].RuleDefinition.MatchAttributes is missing",
        "{'Priority': 5, 'RuleDefinition': {'MatchAttributes': {'Sources': 'any'}}} | MatchAttributes.Sources must be an array",
        "{'Priority': 5, 'RuleDefinition': {'MatchAttributes': {'Protocols': 6}}} | MatchAttributes.Protocols must be an array",
        "{'Priority': 5, 'RuleDefinition': {'MatchAttributes': {}}}, {'Priority': 5, 'RuleDefinition': {'MatchAttributes': {}}}"
            + " | two stateless rules with priority 5",
        "{'Priority': 5, 'RuleDefinition': {'MatchAttributes': {}}}, null | StatelessRules[1] must be an object, not NULL",
      })
  void plan_shouldRejectCurrent_whenARuleIsMalformed(String rules, String message) {
    assertRejected(String.format(RULES, rules), message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"GuardwallBlocked\" | CustomActions[0] must be an object, not STRING",
        "{'ActionDefinition': {}} | CustomActions[0].ActionName must be a string",
        "{'ActionName': 5} | CustomActions[0].ActionName must be a string",
        "{'ActionName': 'A'}, {'ActionName': 'A'} | two custom actions named 'A'",
      })
  void plan_shouldRejectCurrent_whenACustomActionIsMalformed(String actions, String message) {
    assertRejected(String.format(ACTIONS, actions), message);
  }

  @Test
  void plan_shouldRejectCurrent_whenAnOwnedRuleIsMalformed() {
    assertRejected(
        String.format(
            RULES, "{'Priority': 30000, 'RuleDefinition': {'MatchAttributes': {'Sources': {}}}}"),
        "StatelessRules[0].RuleDefinition.MatchAttributes.Sources must be an array");
  }

  private void assertRejected(String current, String message) {
    assertThatThrownBy(() -> planner.plan(entries("198.51.100.7"), json(current), 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
