package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;

/**
 * The overflow menu beside a blocked address when Slack interactivity is set up: Unblock, Extend 24
 * h, Pin, Allow, each option's value a {@link Verb#value}, behind one confirmation dialog (Block
 * Kit puts {@code confirm} on the menu, not on an option). The address is parsed, never outside
 * text. Stateless.
 */
final class ActionMenu {

  /** The {@code action_id} the endpoint receives. */
  static final String ACTION_ID = "guardwall.act";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ActionMenu() {}

  static ObjectNode overflow(Cidr cidr) {
    ObjectNode menu = JSON.objectNode().put("type", "overflow").put("action_id", ACTION_ID);
    ArrayNode options = menu.putArray("options");
    options.add(option("Unblock", Verb.UNBLOCK, cidr));
    options.add(option("Extend 24 h", Verb.EXTEND, cidr));
    options.add(option("Pin (never expires)", Verb.PIN, cidr));
    options.add(option("Allow (never block again)", Verb.ALLOW, cidr));
    menu.set("confirm", confirm(cidr));
    return menu;
  }

  /**
   * Whether {@code node}, a block's accessory as Slack sends it back, is guardwall's menu for
   * {@code cidr}: an overflow with guardwall's action id whose options all name that CIDR.
   */
  static boolean isFor(JsonNode node, Cidr cidr) {
    JsonNode options = node.path("options");
    if (!"overflow".equals(node.path("type").asText())
        || !ACTION_ID.equals(node.path("action_id").asText())
        || !options.isArray()
        || options.isEmpty()) {
      return false;
    }
    for (JsonNode option : options) {
      String value = option.path("value").asText("");
      if (Verb.of(value.split(" ", 2)[0])
          .filter(v -> v.value(cidr.value()).equals(value))
          .isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode option(String label, Verb verb, Cidr cidr) {
    ObjectNode option = JSON.objectNode();
    option.set("text", plain(label));
    return option.put("value", verb.value(cidr.value()));
  }

  private static ObjectNode confirm(Cidr cidr) {
    ObjectNode confirm = JSON.objectNode();
    confirm.set("title", plain("Change this block?"));
    confirm.set(
        "text",
        plain("This changes what the firewall blocks for " + cidr.display() + ", for everyone."));
    confirm.set("confirm", plain("Do it"));
    confirm.set("deny", plain("Cancel"));
    return confirm.put("style", "danger");
  }

  private static ObjectNode plain(String text) {
    return JSON.objectNode().put("type", "plain_text").put("text", text);
  }
}
