package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.ResourceFacts;
import io.guardwall.core.model.ResourceRole;
import io.guardwall.core.text.Excerpt;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads what a finding says about its own resource: the role it played ({@code resourceRole}) and
 * the addresses it owns, from GuardDuty's instance network interfaces and the local side of
 * connections and probes, and from ASFF's {@code Resources}, {@code Action}, {@code ProductFields}
 * and {@code Network}. Bad values are skipped with a warning. Stateless and thread-safe.
 */
final class ResourceFactsReader {

  private static final String GUARDDUTY_ROLE_KEY = "aws/guardduty/service/resourceRole";

  private ResourceFactsReader() {}

  /** From a GuardDuty finding (either key casing). */
  static ResourceFacts guardDuty(JsonNode f, Consumer<String> warn) {
    JsonNode service = FindingFields.field(f, "service");
    OwnAddresses own = new OwnAddresses(warn);
    JsonNode interfaces = FindingFields.path(f, "resource", "instanceDetails", "networkInterfaces");
    List<JsonNode> enis = own.elements(interfaces, "networkInterfaces");
    for (int i = 0; i < enis.size(); i++) {
      networkInterface(enis.get(i), "networkInterfaces[" + i + "].", own);
    }
    actionLocals(FindingFields.field(service, "action"), own);
    ResourceRole role =
        role(FindingFields.field(service, "resourceRole"), "service.resourceRole", warn);
    return new ResourceFacts(role, own.addresses());
  }

  /** From an ASFF finding. */
  static ResourceFacts asff(JsonNode f, Consumer<String> warn) {
    OwnAddresses own = new OwnAddresses(warn);
    List<JsonNode> resources = own.elements(FindingFields.field(f, "resources"), "Resources");
    for (int i = 0; i < resources.size(); i++) {
      JsonNode ec2 = FindingFields.path(resources.get(i), "details", "awsEc2Instance");
      String where = "Resources[" + i + "].Details.AwsEc2Instance.";
      own.addAll(FindingFields.field(ec2, "ipV4Addresses"), where + "IpV4Addresses");
      own.addAll(FindingFields.field(ec2, "ipV6Addresses"), where + "IpV6Addresses");
    }
    actionLocals(FindingFields.field(f, "action"), own);
    productFieldLocals(FindingFields.field(f, "productFields"), own);
    networkLocal(FindingFields.field(f, "network"), own);
    return new ResourceFacts(asffRole(f, resources, warn), own.addresses());
  }

  private static void networkInterface(JsonNode eni, String where, OwnAddresses own) {
    own.add(FindingFields.field(eni, "privateIpAddress"), where + "privateIpAddress");
    own.add(FindingFields.field(eni, "publicIp"), where + "publicIp");
    own.addAll(FindingFields.field(eni, "ipv6Addresses"), where + "ipv6Addresses");
    String at = where + "privateIpAddresses";
    for (JsonNode secondary : own.elements(FindingFields.field(eni, "privateIpAddresses"), at)) {
      own.add(FindingFields.field(secondary, "privateIpAddress"), at + "[].privateIpAddress");
    }
  }

  /** The local side of a connection and of every probe: GuardDuty and ASFF share the shape. */
  private static void actionLocals(JsonNode action, OwnAddresses own) {
    JsonNode connection = FindingFields.field(action, "networkConnectionAction");
    own.addDetails(FindingFields.field(connection, "localIpDetails"), "networkConnectionAction");
    JsonNode probes = FindingFields.path(action, "portProbeAction", "portProbeDetails");
    // ActionIps already warns about a portProbeDetails that is no array.
    for (int i = 0; probes.isArray() && i < probes.size(); i++) {
      own.addDetails(
          FindingFields.field(probes.get(i), "localIpDetails"), "portProbeDetails[" + i + "]");
    }
  }

  /** ProductFields keys such as {@code .../localIpDetails/ipAddressV4}. */
  private static void productFieldLocals(JsonNode productFields, OwnAddresses own) {
    if (!productFields.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : productFields.properties()) {
      String key = field.getKey().toLowerCase(Locale.ROOT);
      if (key.contains("localipdetails")
          && (key.endsWith("ipaddressv4") || key.endsWith("ipaddressv6"))) {
        own.add(field.getValue(), "ProductFields " + Excerpt.quoted(field.getKey()));
      }
    }
  }

  /** ASFF {@code Network}: the destination of inbound traffic, the source of outbound traffic. */
  private static void networkLocal(JsonNode network, OwnAddresses own) {
    String direction = FindingFields.text(network, "direction");
    if ("IN".equalsIgnoreCase(direction)) {
      networkPair(network, "destination", "Network.Destination", own);
    } else if ("OUT".equalsIgnoreCase(direction)) {
      networkPair(network, "source", "Network.Source", own);
    }
  }

  private static void networkPair(JsonNode network, String side, String label, OwnAddresses own) {
    own.add(FindingFields.field(network, side + "IpV4"), label + "IpV4");
    own.add(FindingFields.field(network, side + "IpV6"), label + "IpV6");
  }

  private static ResourceRole asffRole(
      JsonNode f, List<JsonNode> resources, Consumer<String> warn) {
    JsonNode role =
        resources.isEmpty() ? null : FindingFields.field(resources.get(0), "resourceRole");
    if (role != null && !role.isMissingNode() && !role.isNull()) {
      return role(role, "Resources[0].ResourceRole", warn);
    }
    JsonNode named =
        FindingFields.field(FindingFields.field(f, "productFields"), GUARDDUTY_ROLE_KEY);
    return role(named, "ProductFields " + Excerpt.quoted(GUARDDUTY_ROLE_KEY), warn);
  }

  /** ACTOR or TARGET in any case; UNKNOWN, with a warning for a value that is neither. */
  private static ResourceRole role(JsonNode value, String where, Consumer<String> warn) {
    if (value.isMissingNode()
        || value.isNull()
        || (value.isTextual() && value.asText().isBlank())) {
      return ResourceRole.UNKNOWN;
    }
    if (!value.isTextual()) {
      warn.accept(
          "ignored " + where + ": " + FindingFields.kind(value) + ", expected ACTOR or TARGET");
      return ResourceRole.UNKNOWN;
    }
    ResourceRole role = ResourceRole.parse(value.asText()).orElse(ResourceRole.UNKNOWN);
    if (role == ResourceRole.UNKNOWN) {
      warn.accept(
          "ignored " + where + " " + Excerpt.quoted(value.asText()) + ": not ACTOR or TARGET");
    }
    return role;
  }
}
