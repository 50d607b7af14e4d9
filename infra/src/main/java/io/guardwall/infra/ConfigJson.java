package io.guardwall.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.FirewallSettings;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;

/**
 * Writes a configuration in the format {@code ConfigReader} reads, for the functions' environment;
 * stateless and thread-safe.
 */
final class ConfigJson {

  private ConfigJson() {}

  static String write(GuardwallConfig config) {
    ObjectNode root = Jackson.objectNode();
    root.put("blockDuration", config.blockDuration().toString());
    root.put("notifyThreshold", config.notifyThreshold().name());
    root.put("apiBlockThreshold", config.apiBlockThreshold().name());
    config.allowList().stream().map(Cidr::value).forEach(root.putArray("allowList")::add);
    config.accounts().stream().sorted().forEach(root.putArray("accounts")::add);
    root.put("blockSamples", config.blockSamples());
    root.put("blockVictims", config.blockVictims());
    root.put("notificationMemory", config.notificationMemory().toString());
    writeFirewall(root.putObject("firewall"), config.firewall());
    root.putObject("maxBlockWidth")
        .put("ipv4", config.maxBlockWidth().ipv4())
        .put("ipv6", config.maxBlockWidth().ipv6());
    return root.toString();
  }

  private static void writeFirewall(ObjectNode node, FirewallSettings firewall) {
    node.put("sourcePriority", firewall.sourcePriority());
    node.put("destinationPriority", firewall.destinationPriority());
    node.put("customActionName", firewall.customActionName());
    node.put("metricDimension", firewall.metricDimension());
    node.put("capacity", firewall.capacity());
  }
}
