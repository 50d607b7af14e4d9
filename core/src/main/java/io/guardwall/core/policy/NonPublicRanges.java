package io.guardwall.core.policy;

import io.guardwall.core.model.Cidr;
import java.util.List;

/**
 * Address ranges that are never an internet attacker: blocking them could cut off the customer's
 * own network (IANA's special-purpose ranges that are not globally reachable; the IPv6 ranges that
 * embed IPv4 are judged as IPv4 by {@link io.guardwall.core.model.Cidr}). Documentation ranges
 * (192.0.2.0/24 and friends) are deliberately absent: GuardDuty's sample findings use them.
 */
final class NonPublicRanges {

  static final List<Cidr> RANGES =
      List.of(
              "0.0.0.0/8",
              "10.0.0.0/8",
              "100.64.0.0/10",
              "127.0.0.0/8",
              "169.254.0.0/16",
              "172.16.0.0/12",
              "192.0.0.0/24",
              "192.168.0.0/16",
              "198.18.0.0/15",
              "224.0.0.0/4",
              "240.0.0.0/4",
              "::/128",
              "::1/128",
              "100::/64",
              "fc00::/7",
              "fe80::/10",
              "ff00::/8")
          .stream()
          .map(Cidr::parse)
          .toList();

  private NonPublicRanges() {}
}
