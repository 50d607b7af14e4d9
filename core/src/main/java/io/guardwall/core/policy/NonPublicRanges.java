package io.guardwall.core.policy;

import io.guardwall.core.model.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * Address ranges that are never an internet attacker: blocking them could cut off the customer's
 * own network. Documentation ranges (192.0.2.0/24 and friends) are deliberately absent: GuardDuty's
 * sample findings use them.
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
              "192.168.0.0/16",
              "224.0.0.0/4",
              "240.0.0.0/4",
              "::/128",
              "::1/128",
              "fc00::/7",
              "fe80::/10",
              "ff00::/8")
          .stream()
          .map(Cidr::parse)
          .toList();

  private NonPublicRanges() {}

  /** The first range of {@code ranges} that contains {@code cidr}. */
  static Optional<Cidr> containing(List<Cidr> ranges, Cidr cidr) {
    return ranges.stream().filter(r -> r.contains(cidr)).findFirst();
  }
}
