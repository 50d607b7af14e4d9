package io.guardwall.core.plan;

import static java.util.stream.Collectors.partitioningBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stateless rule group as read, validated and split into what guardwall owns and what it keeps
 * untouched; immutable (treat the JSON as read-only).
 *
 * @param group the whole group, or null for an empty group
 * @param rulesSource {@code RulesSource}, or null when absent
 * @param container {@code RulesSource.StatelessRulesAndCustomActions}, or null when absent
 * @param foreignRules rules at priorities guardwall does not own, in the order read
 * @param ownRules rules at guardwall's priorities
 * @param foreignActions custom actions with other names, in the order read
 * @param ownAction guardwall's custom action, or null when absent
 */
record CurrentGroup(
    @Nullable ObjectNode group,
    @Nullable ObjectNode rulesSource,
    @Nullable ObjectNode container,
    List<StatelessRule> foreignRules,
    List<StatelessRule> ownRules,
    List<JsonNode> foreignActions,
    @Nullable JsonNode ownAction) {

  private static final String CONTAINER_PATH = "RulesSource.StatelessRulesAndCustomActions";
  private static final List<String> STATEFUL_SOURCES =
      List.of("RulesString", "RulesSourceList", "StatefulRules");

  CurrentGroup {
    foreignRules = List.copyOf(foreignRules);
    ownRules = List.copyOf(ownRules);
    foreignActions = List.copyOf(foreignActions);
  }

  /** Validates {@code group} (null = empty) against the documented stateless shape. */
  static CurrentGroup parse(@Nullable ObjectNode group, RuleGroupLayout layout) {
    ObjectNode source =
        group == null ? null : RuleGroupJson.optionalObject(group, "RulesSource", "");
    rejectStateful(source);
    ObjectNode container =
        source == null
            ? null
            : RuleGroupJson.optionalObject(source, "StatelessRulesAndCustomActions", "RulesSource");
    Map<Boolean, List<StatelessRule>> rules =
        rules(container).stream().collect(partitioningBy(rule -> layout.owns(rule.priority())));
    Map<Boolean, List<JsonNode>> actions =
        actions(container).stream()
            .collect(
                partitioningBy(
                    a -> a.get("ActionName").textValue().equals(layout.customActionName())));
    // partitioningBy always holds both keys.
    List<JsonNode> own = actions.getOrDefault(true, List.of());
    return new CurrentGroup(
        group,
        source,
        container,
        rules.getOrDefault(false, List.of()),
        rules.getOrDefault(true, List.of()),
        actions.getOrDefault(false, List.of()),
        own.isEmpty() ? null : own.get(0));
  }

  /** guardwall's part, in a form where order carries no meaning. */
  OwnedParts owned() {
    return OwnedParts.of(ownRules, ownAction);
  }

  /** Capacity consumed by the rules guardwall does not own. */
  int foreignCapacity() {
    return capacity(foreignRules);
  }

  /** Capacity consumed by all rules. */
  int totalCapacity() {
    return sum(foreignCapacity(), capacity(ownRules));
  }

  /** Whether a rule guardwall does not own invokes the custom action named {@code name}. */
  boolean foreignRuleUses(String name) {
    for (StatelessRule rule : foreignRules) {
      JsonNode actions = rule.json().path("RuleDefinition").path("Actions");
      for (JsonNode action : actions) {
        if (name.equals(action.textValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private static int capacity(List<StatelessRule> rules) {
    return rules.stream().mapToInt(StatelessRule::capacity).reduce(0, CurrentGroup::sum);
  }

  private static int sum(int a, int b) {
    return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
  }

  private static void rejectStateful(@Nullable ObjectNode source) {
    if (source == null) {
      return;
    }
    for (String field : STATEFUL_SOURCES) {
      if (source.has(field)) {
        throw new IllegalArgumentException(
            "rule group is stateful (it has RulesSource."
                + field
                + "); guardwall needs a STATELESS rule group");
      }
    }
  }

  private static List<StatelessRule> rules(@Nullable ObjectNode container) {
    ArrayNode array =
        container == null
            ? null
            : RuleGroupJson.optionalArray(container, "StatelessRules", CONTAINER_PATH);
    List<StatelessRule> rules = new ArrayList<>();
    Set<Integer> priorities = new HashSet<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      StatelessRule rule = StatelessRule.parse(array.get(i), i);
      if (!priorities.add(rule.priority())) {
        throw new IllegalArgumentException(
            "rule group has two stateless rules with priority " + rule.priority());
      }
      rules.add(rule);
    }
    return rules;
  }

  private static List<JsonNode> actions(@Nullable ObjectNode container) {
    ArrayNode array =
        container == null
            ? null
            : RuleGroupJson.optionalArray(container, "CustomActions", CONTAINER_PATH);
    List<JsonNode> actions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      JsonNode action = array.get(i);
      String path = CONTAINER_PATH + ".CustomActions[" + i + "]";
      if (!action.isObject()) {
        throw RuleGroupJson.shape(path, "an object", action);
      }
      JsonNode name = action.get("ActionName");
      if (name == null || !name.isTextual()) {
        throw new IllegalArgumentException("rule group " + path + ".ActionName must be a string");
      }
      if (!names.add(name.textValue())) {
        throw new IllegalArgumentException(
            "rule group has two custom actions named '" + name.textValue() + "'");
      }
      actions.add(action);
    }
    return actions;
  }
}
