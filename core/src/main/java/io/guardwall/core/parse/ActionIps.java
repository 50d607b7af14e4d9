package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.guardwall.core.model.IpSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads the remote addresses of a finding's action object: GuardDuty's {@code service.action} and
 * the ASFF {@code Action} share one shape (only the key casing differs); stateless.
 */
final class ActionIps {

  private ActionIps() {}

  /** Reads {@code action}, which {@code label} names in warnings ("service.action", "Action"). */
  static void collect(JsonNode action, String label, RemoteIpCollector out) {
    JsonNode checked = out.object(action, label);
    JsonNode connection = kind(checked, "networkConnectionAction", out);
    String direction = FindingFields.text(connection, "connectionDirection");
    remote(connection, "networkConnectionAction", IpSource.NETWORK_CONNECTION, direction, out);
    JsonNode probes = portProbes(checked, out);
    for (int i = 0; i < probes.size(); i++) {
      String where = "portProbeAction.portProbeDetails[" + i + "]";
      remote(out.object(probes.get(i), where), "portProbeAction", IpSource.PORT_PROBE, null, out);
    }
    remote(checked, "awsApiCallAction", IpSource.AWS_API_CALL, out);
    // Only remoteIpDetails: sourceIPs also lists the proxies a request passed through.
    remote(checked, "kubernetesApiCallAction", IpSource.KUBERNETES_API_CALL, out);
    remote(checked, "rdsLoginAttemptAction", IpSource.RDS_LOGIN_ATTEMPT, out);
  }

  /** One kind of action inside the action object, e.g. {@code networkConnectionAction}. */
  private static JsonNode kind(JsonNode action, String name, RemoteIpCollector out) {
    return out.object(action, name, name);
  }

  private static JsonNode portProbes(JsonNode action, RemoteIpCollector out) {
    JsonNode details =
        FindingFields.field(kind(action, "portProbeAction", out), "portProbeDetails");
    if (details.isArray()) {
      return details;
    }
    if (!details.isMissingNode() && !details.isNull()) {
      out.warn(
          "skipped portProbeAction.portProbeDetails: "
              + FindingFields.kind(details)
              + ", not an array");
    }
    return MissingNode.getInstance();
  }

  private static void remote(JsonNode action, String name, IpSource source, RemoteIpCollector out) {
    remote(kind(action, name, out), name, source, null, out);
  }

  private static void remote(
      JsonNode holder,
      String where,
      IpSource source,
      @Nullable String direction,
      RemoteIpCollector out) {
    if (holder.isMissingNode()) {
      return; // the usual case: most kinds of action are absent, and no label is built for them
    }
    String label = where + ".remoteIpDetails";
    JsonNode details = out.object(holder, "remoteIpDetails", label);
    if (details.isMissingNode()) {
      return;
    }
    JsonNode organization = out.object(details, "organization", label, ".organization");
    JsonNode country = out.object(details, "country", label, ".country");
    RemoteIpCollector.Facts facts =
        new RemoteIpCollector.Facts(
            direction,
            FindingFields.text(country, "countryName"),
            FindingFields.text(organization, "asn"),
            FindingFields.firstText(organization, "asnOrg", "org", "isp"));
    address(details, "ipAddressV4", where, source, facts, out);
    address(details, "ipAddressV6", where, source, facts, out);
  }

  private static void address(
      JsonNode details,
      String key,
      String where,
      IpSource source,
      RemoteIpCollector.Facts facts,
      RemoteIpCollector out) {
    JsonNode value = FindingFields.field(details, key);
    if (value.isTextual()) {
      out.add(FindingFields.cap(value.asText()), where, source, facts);
    } else if (!value.isMissingNode() && !value.isNull()) {
      out.warn(
          "skipped remote address in "
              + where
              + ": "
              + key
              + " is "
              + FindingFields.kind(value)
              + ", expected text");
    }
  }
}
