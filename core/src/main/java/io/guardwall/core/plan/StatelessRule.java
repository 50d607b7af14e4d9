package io.guardwall.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One validated entry of {@code StatelessRules}: its priority and the capacity it consumes;
 * immutable (treat {@code json} as read-only).
 */
record StatelessRule(int priority, ObjectNode json, int capacity) {

  /** The match settings whose value counts multiply into a rule's capacity. */
  private static final List<String> MATCH_SETTINGS =
      List.of(
          "Sources", "Destinations", "SourcePorts", "DestinationPorts", "Protocols", "TCPFlags");

  static final String PATH = "RulesSource.StatelessRulesAndCustomActions.StatelessRules";

  /** Reads rule number {@code index}; a rule that is not the documented shape is an error. */
  static StatelessRule parse(JsonNode node, int index) {
    String path = PATH + "[" + index + "]";
    if (!node.isObject()) {
      throw RuleGroupJson.shape(path, "an object", node);
    }
    int priority = priority(node, path);
    ObjectNode definition = RuleGroupJson.requiredObject(node, "RuleDefinition", path);
    ObjectNode match =
        RuleGroupJson.requiredObject(definition, "MatchAttributes", path + ".RuleDefinition");
    return new StatelessRule(priority, (ObjectNode) node, capacity(match, path));
  }

  /**
   * Network Firewall's stateless rule capacity: the product of the number of values of each match
   * setting, an absent or empty setting counting one. Saturates instead of overflowing.
   */
  private static int capacity(ObjectNode match, String path) {
    long product = 1;
    for (String setting : MATCH_SETTINGS) {
      ArrayNode values =
          RuleGroupJson.optionalArray(match, setting, path + ".RuleDefinition.MatchAttributes");
      int count = values == null ? 1 : Math.max(1, values.size());
      product = Math.min(Integer.MAX_VALUE, product * count);
    }
    return (int) product;
  }

  private static int priority(JsonNode rule, String path) {
    JsonNode node = rule.get("Priority");
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new IllegalArgumentException(
          "rule group " + path + ".Priority must be an integer, not " + describe(node));
    }
    int priority = node.intValue();
    if (priority < RuleGroupLayout.MIN_PRIORITY || priority > RuleGroupLayout.MAX_PRIORITY) {
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
    return priority;
  }

  private static String describe(JsonNode node) {
    return node == null ? "missing" : node.getNodeType().toString();
  }
}
