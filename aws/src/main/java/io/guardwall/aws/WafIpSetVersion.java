package io.guardwall.aws;

import io.guardwall.core.port.FirewallException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One IP set as read, in the target's version: its id, family, lock token, and whether it holds
 * entries guardwall cannot read back (which the next apply rewrites); rendered {@code
 * ID:IPV4:TOKEN} or {@code ID:IPV6:TOKEN:rewrite}, joined by commas for a target. Immutable.
 */
record WafIpSetVersion(String id, boolean ipv4, String lockToken, boolean rewrite) {

  private static final String REWRITE = "rewrite";

  WafIpSetVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lockToken, "lockToken");
  }

  /** The versions in a target's {@code version}, by IP set id. */
  static Map<String, WafIpSetVersion> parseAll(String version) {
    return Arrays.stream(version.split(",", -1))
        .map(WafIpSetVersion::parse)
        .collect(Collectors.toMap(WafIpSetVersion::id, Function.identity(), (a, b) -> a));
  }

  private static WafIpSetVersion parse(String text) {
    String[] parts = text.split(":", -1);
    boolean wellFormed =
        (parts.length == 3 || (parts.length == 4 && parts[3].equals(REWRITE)))
            && (parts[1].equals("IPV4") || parts[1].equals("IPV6"));
    if (!wellFormed) {
      throw new FirewallException("not a version read from WAF IP sets: '" + text + "'", null);
    }
    return new WafIpSetVersion(parts[0], parts[1].equals("IPV4"), parts[2], parts.length == 4);
  }

  String render() {
    return id + ":" + (ipv4 ? "IPV4" : "IPV6") + ":" + lockToken + (rewrite ? ":" + REWRITE : "");
  }
}
