package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.text.Excerpt;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the remote and own addresses of an OCSF finding's {@code evidences[]}. OCSF names the
 * endpoints of an activity by who started it ({@code src_endpoint}) and who answered ({@code
 * dst_endpoint}), so which one is remote depends on the GuardDuty action: the caller of an API
 * ({@code api} present), the prober of a port probe and the client of an RDS login are the source;
 * for a network connection {@code connection_info.direction} says (Inbound: the source, Outbound:
 * the destination); a DNS request ({@code query} present) names no remote address, as in GuardDuty
 * itself. An evidence that says none of these yields no remote address, with a warning: guessing
 * could block the workload's own peer. Stateless.
 */
final class OcsfEvidence {

  /** Which endpoint of one evidence is remote, and the action GuardDuty saw there. */
  private record Sides(
      IpSource source, String remote, @Nullable String local, @Nullable String dir) {

    static Sides fromSource(IpSource source) {
      return new Sides(source, "src_endpoint", "dst_endpoint", null);
    }
  }

  private OcsfEvidence() {}

  /** Reads every evidence; {@code type} is the finding's (already read) GuardDuty type. */
  static void collect(JsonNode evidences, String type, RemoteIpCollector ips, OwnAddresses own) {
    if (!evidences.isArray()) {
      if (!evidences.isMissingNode() && !evidences.isNull()) {
        ips.warn("skipped evidences: is " + FindingFields.kind(evidences) + ", expected an array");
      }
      return;
    }
    for (int i = 0; i < evidences.size(); i++) {
      String where = "evidences[" + i + "]";
      read(ips.object(evidences.get(i), where), where, type, ips, own);
    }
  }

  private static void read(
      JsonNode evidence, String where, String type, RemoteIpCollector ips, OwnAddresses own) {
    boolean src = has(evidence, "src_endpoint");
    if ((!src && !has(evidence, "dst_endpoint")) || has(evidence, "query")) {
      return;
    }
    Sides sides = sides(evidence, where, type, ips);
    if (sides == null) {
      ips.warn(
          "skipped the endpoints of "
              + where
              + ": no api, port probe, RDS login or connection_info.direction says which is"
              + " remote");
      return;
    }
    remote(ips.object(evidence, sides.remote, where + "." + sides.remote), where, sides, ips);
    if (sides.local != null) {
      String local = where + "." + sides.local;
      own.add(FindingFields.field(ips.object(evidence, sides.local, local), "ip"), local + ".ip");
    }
  }

  private static @Nullable Sides sides(
      JsonNode evidence, String where, String type, RemoteIpCollector ips) {
    if (has(evidence, "api")) {
      IpSource api =
          type.contains(":Kubernetes") ? IpSource.KUBERNETES_API_CALL : IpSource.AWS_API_CALL;
      return new Sides(api, "src_endpoint", null, null);
    }
    if (type.contains("PortProbe")) {
      return Sides.fromSource(IpSource.PORT_PROBE);
    }
    if (type.contains(":RDS")) {
      return Sides.fromSource(IpSource.RDS_LOGIN_ATTEMPT);
    }
    String direction = direction(evidence, where, ips);
    if ("INBOUND".equals(direction)) {
      return new Sides(IpSource.NETWORK_CONNECTION, "src_endpoint", "dst_endpoint", direction);
    }
    if ("OUTBOUND".equals(direction)) {
      return new Sides(IpSource.NETWORK_CONNECTION, "dst_endpoint", "src_endpoint", direction);
    }
    return null;
  }

  /** {@code connection_info.direction} in GuardDuty's spelling (INBOUND, OUTBOUND), else null. */
  private static @Nullable String direction(
      JsonNode evidence, String where, RemoteIpCollector ips) {
    String label = where + ".connection_info";
    JsonNode value =
        FindingFields.field(ips.object(evidence, "connection_info", label), "direction");
    String text = FindingFields.text(value);
    String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (upper.equals("INBOUND") || upper.equals("OUTBOUND")) {
      return upper;
    }
    if (text != null) {
      ips.warn(
          "ignored " + label + ".direction " + Excerpt.quoted(text) + ": not Inbound or Outbound");
    }
    return null;
  }

  private static void remote(JsonNode endpoint, String where, Sides sides, RemoteIpCollector ips) {
    String label = where + "." + sides.remote;
    JsonNode value = FindingFields.field(endpoint, "ip");
    if (value.isMissingNode() || value.isNull()) {
      return;
    }
    if (!value.isTextual()) {
      ips.warn(
          "skipped remote address in "
              + label
              + ": ip is "
              + FindingFields.kind(value)
              + ", expected text");
      return;
    }
    JsonNode system = ips.object(endpoint, "autonomous_system", label + ".autonomous_system");
    JsonNode location = ips.object(endpoint, "location", label + ".location");
    RemoteIpCollector.Facts facts =
        new RemoteIpCollector.Facts(
            sides.dir,
            FindingFields.text(location, "country"),
            FindingFields.text(system, "number"),
            FindingFields.text(system, "name"));
    ips.add(FindingFields.cap(value.asText()), label, sides.source, facts);
  }

  private static boolean has(JsonNode node, String name) {
    JsonNode value = FindingFields.field(node, name);
    return !value.isMissingNode() && !value.isNull();
  }
}
