package io.guardwall.aws;

import java.util.Arrays;
import java.util.List;

/**
 * Reads a WAF target's SPEC: one or two IP set ARNs joined by commas, one per address family, of
 * one scope, account and region; stateless.
 */
final class WafIpSetSpec {

  private WafIpSetSpec() {}

  /**
   * The IP sets {@code spec} names.
   *
   * @throws IllegalArgumentException naming the problem when {@code spec} is not such a list
   */
  static List<WafIpSetArn> parse(String spec) {
    List<WafIpSetArn> sets = Arrays.stream(spec.split(",", -1)).map(WafIpSetArn::parse).toList();
    if (sets.size() > 2) {
      throw new IllegalArgumentException(
          "a WAF target takes one IP set per address family, two at most; got " + sets.size());
    }
    if (sets.size() == 2) {
      requireTogether(sets.get(0), sets.get(1));
    }
    return sets;
  }

  private static void requireTogether(WafIpSetArn a, WafIpSetArn b) {
    if (a.id().equals(b.id())) {
      throw new IllegalArgumentException("IP set " + a + " is named twice");
    }
    if (!a.paceKey().equals(b.paceKey()) || a.scope() != b.scope()) {
      throw new IllegalArgumentException(
          "the IP sets of one WAF target share a scope, account and region: " + a + " and " + b);
    }
  }
}
