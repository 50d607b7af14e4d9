package io.guardwall.aws;

import static java.util.stream.Collectors.partitioningBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.networkfirewall.model.CustomAction;
import software.amazon.awssdk.services.networkfirewall.model.MatchAttributes;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;
import software.amazon.awssdk.services.networkfirewall.model.RulesSource;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRule;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRulesAndCustomActions;

/**
 * A stateless rule group as read, validated and split into what guardwall owns (the rules at its
 * two priorities, its custom action) and what it passes through untouched; immutable (the SDK model
 * objects are).
 *
 * @param group the whole group, or null for an empty group
 * @param foreignRules rules at priorities guardwall does not own, in the order read
 * @param ownRules rules at guardwall's priorities
 * @param foreignActions custom actions with other names, in the order read
 */
record StatelessGroup(
    @Nullable RuleGroup group,
    List<StatelessRule> foreignRules,
    List<StatelessRule> ownRules,
    List<CustomAction> foreignActions) {

  StatelessGroup {
    foreignRules = List.copyOf(foreignRules);
    ownRules = List.copyOf(ownRules);
    foreignActions = List.copyOf(foreignActions);
  }

  /**
   * Validates {@code group} (null = empty) against the documented stateless shape.
   *
   * @throws IllegalArgumentException naming what is wrong when it is stateful or malformed
   */
  static StatelessGroup parse(@Nullable RuleGroup group, RuleGroupLayout layout) {
    StatelessRulesAndCustomActions container = container(group);
    List<StatelessRule> rules = container == null ? List.of() : rules(container);
    List<CustomAction> actions = container == null ? List.of() : actions(container);
    Map<Boolean, List<StatelessRule>> owned =
        rules.stream().collect(partitioningBy(rule -> layout.owns(rule.priority())));
    List<CustomAction> foreignActions =
        actions.stream().filter(a -> !a.actionName().equals(layout.customActionName())).toList();
    // partitioningBy always holds both keys.
    return new StatelessGroup(
        group,
        owned.getOrDefault(false, List.of()),
        owned.getOrDefault(true, List.of()),
        foreignActions);
  }

  /** The rule guardwall owns at {@code priority}, or null when there is none. */
  @Nullable StatelessRule ownRule(int priority) {
    return ownRules.stream().filter(r -> r.priority() == priority).findFirst().orElse(null);
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
    return foreignRules.stream().anyMatch(rule -> rule.ruleDefinition().actions().contains(name));
  }

  /**
   * Network Firewall's stateless rule capacity: the product of the number of values of each match
   * setting, an absent or empty setting counting one. Saturates instead of overflowing.
   */
  static int capacity(StatelessRule rule) {
    MatchAttributes match = rule.ruleDefinition().matchAttributes();
    long product = 1;
    for (List<?> values :
        List.of(
            match.sources(),
            match.destinations(),
            match.sourcePorts(),
            match.destinationPorts(),
            match.protocols(),
            match.tcpFlags())) {
      product = Math.min(Integer.MAX_VALUE, product * Math.max(1, values.size()));
    }
    return (int) product;
  }

  private static int capacity(List<StatelessRule> rules) {
    return rules.stream().mapToInt(StatelessGroup::capacity).reduce(0, StatelessGroup::sum);
  }

  private static int sum(int a, int b) {
    return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
  }

  private static @Nullable StatelessRulesAndCustomActions container(@Nullable RuleGroup group) {
    RulesSource source = group == null ? null : group.rulesSource();
    if (source == null) {
      return null;
    }
    if (source.rulesString() != null
        || source.rulesSourceList() != null
        || source.hasStatefulRules()) {
      throw new IllegalArgumentException(
          "rule group is stateful (its RulesSource has stateful rules); guardwall needs a"
              + " STATELESS rule group");
    }
    return source.statelessRulesAndCustomActions();
  }

  private static List<StatelessRule> rules(StatelessRulesAndCustomActions container) {
    List<StatelessRule> rules = container.statelessRules();
    Set<Integer> priorities = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      StatelessRule rule = validated(rules.get(i), "StatelessRules[" + i + "]");
      if (!priorities.add(rule.priority())) {
        throw new IllegalArgumentException(
            "rule group has two stateless rules with priority " + rule.priority());
      }
    }
    return rules;
  }

  private static StatelessRule validated(@Nullable StatelessRule rule, String path) {
    if (rule == null) {
      throw new IllegalArgumentException("rule group " + path + " is missing");
    }
    Integer priority = rule.priority();
    if (priority == null
        || priority < RuleGroupLayout.MIN_PRIORITY
        || priority > RuleGroupLayout.MAX_PRIORITY) {
      throw new IllegalArgumentException(
          "rule group "
              + path
              + ".Priority must be in "
              + RuleGroupLayout.MIN_PRIORITY
              + ".."
              + RuleGroupLayout.MAX_PRIORITY
              + ": "
              + priority);
    }
    if (rule.ruleDefinition() == null) {
      throw new IllegalArgumentException("rule group " + path + ".RuleDefinition is missing");
    }
    if (rule.ruleDefinition().matchAttributes() == null) {
      throw new IllegalArgumentException(
          "rule group " + path + ".RuleDefinition.MatchAttributes is missing");
    }
    return rule;
  }

  private static List<CustomAction> actions(StatelessRulesAndCustomActions container) {
    List<CustomAction> actions = new ArrayList<>(container.customActions());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      CustomAction action = actions.get(i);
      if (action == null || action.actionName() == null) {
        throw new IllegalArgumentException(
            "rule group CustomActions[" + i + "].ActionName must be a string");
      }
      if (!names.add(action.actionName())) {
        throw new IllegalArgumentException(
            "rule group has two custom actions named '" + action.actionName() + "'");
      }
    }
    return actions;
  }
}
