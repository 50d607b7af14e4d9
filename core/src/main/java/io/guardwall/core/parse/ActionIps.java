package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.IpSource;
import java.util.List;

/**
 * Reads the remote addresses of a finding's action object: GuardDuty's {@code service.action} and
 * the ASFF {@code Action} share one shape (only the key casing differs); stateless.
 */
final class ActionIps {

  private ActionIps() {}

  static void collect(JsonNode action, RemoteIpCollector out) {
    JsonNode connection = Json.field(action, "networkConnectionAction");
    String direction = Json.text(connection, "connectionDirection");
    remote(connection, "networkConnectionAction", IpSource.NETWORK_CONNECTION, direction, out);
    for (JsonNode probe : portProbes(action, out)) {
      remote(probe, "portProbeAction", IpSource.PORT_PROBE, null, out);
    }
    remote(action, "awsApiCallAction", IpSource.AWS_API_CALL, out);
    // Only remoteIpDetails: sourceIPs also lists the proxies a request passed through.
    remote(action, "kubernetesApiCallAction", IpSource.KUBERNETES_API_CALL, out);
    remote(action, "rdsLoginAttemptAction", IpSource.RDS_LOGIN_ATTEMPT, out);
  }

  private static Iterable<JsonNode> portProbes(JsonNode action, RemoteIpCollector out) {
    JsonNode details = Json.path(action, "portProbeAction", "portProbeDetails");
    if (details.isArray()) {
      return details;
    }
    if (!details.isMissingNode() && !details.isNull()) {
      out.warn(
          "skipped portProbeAction.portProbeDetails: " + Json.kind(details) + ", not an array");
    }
    return List.of();
  }

  private static void remote(JsonNode action, String name, IpSource source, RemoteIpCollector out) {
    remote(Json.field(action, name), name, source, null, out);
  }

  private static void remote(
      JsonNode holder, String where, IpSource source, String direction, RemoteIpCollector out) {
    JsonNode details = Json.field(holder, "remoteIpDetails");
    if (details.isMissingNode() || details.isNull()) {
      return;
    }
    JsonNode organization = Json.field(details, "organization");
    RemoteIpCollector.Facts facts =
        new RemoteIpCollector.Facts(
            direction,
            Json.text(details, "country", "countryName"),
            Json.text(organization, "asn"),
            Json.firstText(organization, "asnOrg", "org", "isp"));
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
    JsonNode value = Json.field(details, key);
    if (value.isTextual()) {
      out.add(Json.cap(value.asText()), where, source, facts);
    } else if (!value.isMissingNode() && !value.isNull()) {
      out.warn(
          "skipped remote address in "
              + where
              + ": "
              + key
              + " is "
              + Json.kind(value)
              + ", expected text");
    }
  }
}
