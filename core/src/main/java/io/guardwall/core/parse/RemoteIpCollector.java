package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.text.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the remote addresses of one finding: de-duplicated by address and source, capped, with a
 * warning for each string that is no IP and each object of the wrong type on the way to one; one
 * instance per finding, not thread-safe.
 */
final class RemoteIpCollector {

  static final int MAX_IPS = 1000;

  static final int MAX_WARNINGS = 100;

  /** What a finding says about an address besides the address itself; any part may be null. */
  record Facts(
      @Nullable String direction,
      @Nullable String country,
      @Nullable String asn,
      @Nullable String organization) {}

  private record Key(Cidr address, IpSource source) {}

  private final Map<Key, RemoteIp> ips = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private int overflow;
  private int droppedWarnings;

  /** Adds one address read from {@code where} (an action name or a ProductFields key). */
  void add(String address, String where, IpSource source, Facts facts) {
    Cidr cidr = parse(address, where);
    if (cidr == null) {
      return;
    }
    Key key = new Key(cidr, source);
    if (ips.containsKey(key)) {
      return;
    }
    if (ips.size() >= MAX_IPS) {
      overflow++;
      return;
    }
    ips.put(
        key,
        new RemoteIp(cidr, source, facts.direction, facts.country, facts.asn, facts.organization));
  }

  /**
   * The object under {@code name} (either casing); a missing node when absent or null, and also,
   * with a warning naming {@code label} and what it held, when it is no object.
   */
  JsonNode object(JsonNode parent, String name, String label) {
    return object(FindingFields.field(parent, name), label);
  }

  /**
   * As {@link #object(JsonNode, String, String)} with the label {@code prefix + suffix}, joined
   * only for a warning: most objects are fine, and the join showed in a backfill's profile.
   */
  JsonNode object(JsonNode parent, String name, String prefix, String suffix) {
    JsonNode node = FindingFields.field(parent, name);
    return node.isObject() ? node : object(node, prefix + suffix);
  }

  /** {@code node} when it is an object; as {@link #object(JsonNode, String, String)} otherwise. */
  JsonNode object(JsonNode node, String label) {
    if (node.isObject()) {
      return node;
    }
    if (!node.isMissingNode() && !node.isNull()) {
      warn("skipped " + label + ": is " + FindingFields.kind(node) + ", expected an object");
    }
    return MissingNode.getInstance();
  }

  void warn(String warning) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(warning);
    } else {
      droppedWarnings++;
    }
  }

  List<RemoteIp> ips() {
    return List.copyOf(ips.values());
  }

  List<String> warnings() {
    List<String> all = new ArrayList<>(warnings);
    if (overflow > 0) {
      all.add(
          "more than "
              + MAX_IPS
              + " remote addresses: kept the first "
              + MAX_IPS
              + ", skipped "
              + overflow);
    }
    if (droppedWarnings > 0) {
      all.add(droppedWarnings + " more warnings not shown");
    }
    return all;
  }

  private @Nullable Cidr parse(String address, String where) {
    if (!Cidr.isAddress(address)) {
      warn(
          "skipped remote address "
              + Excerpt.quoted(address)
              + " in "
              + where
              + ": not an IP address");
      return null;
    }
    return Cidr.ofAddress(address);
  }
}
