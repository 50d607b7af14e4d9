package io.guardwall.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import java.util.List;
import software.amazon.awssdk.services.networkfirewall.model.Address;
import software.amazon.awssdk.services.networkfirewall.model.CustomAction;
import software.amazon.awssdk.services.networkfirewall.model.MatchAttributes;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRule;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRulesAndCustomActions;

/**
 * The Network Firewall stateless rule group guardwall renders into an empty group, shown as the
 * {@code RuleGroup} JSON UpdateRuleGroup takes: what a dry run displays of its target, rendered by
 * the code the real target writes with. Immutable and thread-safe.
 */
public final class NetworkFirewallRendering {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final RuleGroup group;
  private final int capacityUsed;

  private NetworkFirewallRendering(RuleGroup group, int capacityUsed) {
    this.group = group;
    this.capacityUsed = capacityUsed;
  }

  /** An empty group of {@code layout} rendered to block exactly {@code blocked}. */
  public static NetworkFirewallRendering ofEmptyGroup(RuleGroupLayout layout, List<Cidr> blocked) {
    StatelessRuleGroupCodec codec = new StatelessRuleGroupCodec(layout);
    RuleGroup group = codec.render(null, blocked);
    return new NetworkFirewallRendering(group, codec.capacityUsed(group));
  }

  /** The capacity the group's rules use. */
  public int capacityUsed() {
    return capacityUsed;
  }

  /**
   * The group as {@code RuleGroup} JSON, a fresh copy on each call. It writes the fields guardwall
   * renders, which are all an empty group's rendering holds.
   */
  public ObjectNode ruleGroupJson() {
    StatelessRulesAndCustomActions lists = group.rulesSource().statelessRulesAndCustomActions();
    ObjectNode json = JSON.objectNode();
    ObjectNode container =
        json.putObject("RulesSource").putObject("StatelessRulesAndCustomActions");
    ArrayNode rules = container.putArray("StatelessRules");
    lists.statelessRules().forEach(rule -> rules.add(rule(rule)));
    if (lists.hasCustomActions() && !lists.customActions().isEmpty()) {
      ArrayNode actions = container.putArray("CustomActions");
      lists.customActions().forEach(action -> actions.add(action(action)));
    }
    return json;
  }

  private static ObjectNode rule(StatelessRule rule) {
    ObjectNode json = JSON.objectNode().put("Priority", rule.priority());
    ObjectNode definition = json.putObject("RuleDefinition");
    MatchAttributes match = rule.ruleDefinition().matchAttributes();
    ObjectNode matchJson = definition.putObject("MatchAttributes");
    addresses(matchJson, "Sources", match.sources());
    addresses(matchJson, "Destinations", match.destinations());
    ArrayNode actions = definition.putArray("Actions");
    rule.ruleDefinition().actions().forEach(actions::add);
    return json;
  }

  private static void addresses(ObjectNode match, String setting, List<Address> addresses) {
    if (!addresses.isEmpty()) {
      ArrayNode array = match.putArray(setting);
      addresses.forEach(a -> array.addObject().put("AddressDefinition", a.addressDefinition()));
    }
  }

  private static ObjectNode action(CustomAction action) {
    ObjectNode json = JSON.objectNode().put("ActionName", action.actionName());
    ArrayNode dimensions =
        json.putObject("ActionDefinition").putObject("PublishMetricAction").putArray("Dimensions");
    action
        .actionDefinition()
        .publishMetricAction()
        .dimensions()
        .forEach(d -> dimensions.addObject().put("Value", d.value()));
    return json;
  }
}
