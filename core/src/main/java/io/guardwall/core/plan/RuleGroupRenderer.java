package io.guardwall.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Writes guardwall's rules and custom action into a copy of the current group; thread-safe. */
final class RuleGroupRenderer {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String DROP = "aws:drop";

  /**
   * A stateless rule group needs at least one rule, and a rule with an empty address list matches
   * every address. So when nothing is to be blocked and no other rule exists, the group holds this
   * rule, which matches only packets from 0.0.0.0: "this host on this network", which a host uses
   * only before it has an address (DHCP discovery) and which never crosses a VPC firewall.
   */
  static final Cidr PLACEHOLDER = Cidr.parse("0.0.0.0/32");

  private final RuleGroupLayout layout;

  RuleGroupRenderer(RuleGroupLayout layout) {
    this.layout = layout;
  }

  /**
   * The whole group: {@code current} with guardwall's part replaced by rules for {@code blocked}.
   */
  ObjectNode render(CurrentGroup current, List<Cidr> blocked) {
    List<ObjectNode> rules = new ArrayList<>();
    current.foreignRules().forEach(rule -> rules.add(rule.json().deepCopy()));
    if (!blocked.isEmpty()) {
      rules.add(rule(layout.sourcePriority(), "Sources", blocked, true));
      rules.add(rule(layout.destinationPriority(), "Destinations", blocked, true));
    } else if (rules.isEmpty()) {
      rules.add(rule(layout.sourcePriority(), "Sources", List.of(PLACEHOLDER), false));
    }
    rules.sort(Comparator.comparingInt(rule -> rule.get("Priority").intValue()));
    ArrayNode actions = JSON.arrayNode();
    current.foreignActions().forEach(action -> actions.add(action.deepCopy()));
    if (!blocked.isEmpty() || current.foreignRuleUses(layout.customActionName())) {
      actions.add(customAction());
    }
    Map<String, JsonNode> lists =
        RuleGroupJson.replacing("StatelessRules", JSON.arrayNode().addAll(rules));
    lists.put("CustomActions", actions.isEmpty() ? null : actions);
    ObjectNode container = RuleGroupJson.copyWith(current.container(), lists);
    ObjectNode source =
        RuleGroupJson.copyWith(
            current.rulesSource(),
            RuleGroupJson.replacing("StatelessRulesAndCustomActions", container));
    return RuleGroupJson.copyWith(current.group(), RuleGroupJson.replacing("RulesSource", source));
  }

  private ObjectNode rule(int priority, String matchSetting, List<Cidr> cidrs, boolean publish) {
    ArrayNode addresses = JSON.arrayNode(cidrs.size());
    for (Cidr cidr : cidrs) {
      addresses.addObject().put("AddressDefinition", cidr.value());
    }
    ObjectNode rule = JSON.objectNode().put("Priority", priority);
    ObjectNode definition = rule.putObject("RuleDefinition");
    definition.putObject("MatchAttributes").set(matchSetting, addresses);
    ArrayNode actions = definition.putArray("Actions").add(DROP);
    if (publish) {
      actions.add(layout.customActionName());
    }
    return rule;
  }

  private ObjectNode customAction() {
    ObjectNode action = JSON.objectNode().put("ActionName", layout.customActionName());
    action
        .putObject("ActionDefinition")
        .putObject("PublishMetricAction")
        .putArray("Dimensions")
        .addObject()
        .put("Value", layout.metricDimensionValue());
    return action;
  }
}
