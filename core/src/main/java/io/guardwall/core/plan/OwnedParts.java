package io.guardwall.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * guardwall's part of a rule group in a form where order carries no meaning, so that two groups
 * compare equal when they block the same; immutable.
 *
 * @param rules guardwall's rules by priority
 * @param customAction guardwall's custom action, or null when absent
 */
record OwnedParts(Map<Integer, OwnedRule> rules, @Nullable JsonNode customAction) {

  OwnedParts {
    rules = Map.copyOf(rules);
  }

  static OwnedParts of(Iterable<StatelessRule> ownedRules, @Nullable JsonNode customAction) {
    Map<Integer, OwnedRule> rules = new TreeMap<>();
    for (StatelessRule rule : ownedRules) {
      rules.put(rule.priority(), OwnedRule.of(rule.json()));
    }
    return new OwnedParts(rules, customAction);
  }

  /**
   * One rule as sets of address definitions and actions, plus the rest of the rule as JSON.
   *
   * @param rest the rule without {@code Sources}, {@code Destinations} and {@code Actions}
   */
  record OwnedRule(
      JsonNode rest, Set<String> sources, Set<String> destinations, Set<String> actions) {

    /** Reads a rule that {@link StatelessRule#parse} validated. */
    static OwnedRule of(ObjectNode rule) {
      ObjectNode definition = (ObjectNode) rule.get("RuleDefinition");
      ObjectNode match = (ObjectNode) definition.get("MatchAttributes");
      ObjectNode restOfDefinition =
          RuleGroupJson.copyWith(definition, RuleGroupJson.removing("MatchAttributes", "Actions"));
      restOfDefinition.set(
          "MatchAttributes",
          RuleGroupJson.copyWith(match, RuleGroupJson.removing("Sources", "Destinations")));
      return new OwnedRule(
          RuleGroupJson.copyWith(rule, RuleGroupJson.replacing("RuleDefinition", restOfDefinition)),
          elements(match.get("Sources")),
          elements(match.get("Destinations")),
          elements(definition.get("Actions")));
    }

    /**
     * The elements of a list as strings: an address definition by its text, anything else by its
     * JSON, which never looks like an address.
     */
    private static Set<String> elements(JsonNode array) {
      Set<String> set = new HashSet<>(array == null ? 0 : array.size() * 2);
      if (array != null) {
        array.forEach(element -> set.add(key(element)));
      }
      return set;
    }

    private static String key(JsonNode element) {
      JsonNode address = element.get("AddressDefinition");
      boolean plain = address != null && address.isTextual() && element.size() == 1;
      return plain ? address.textValue() : element.toString();
    }
  }
}
