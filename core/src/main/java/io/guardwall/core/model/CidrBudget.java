package io.guardwall.core.model;

/**
 * How many merged CIDRs a target has room for, for guardwall: in all, and per address family (a
 * rule group shares one budget between the families; prefix lists and IP sets hold one family
 * each). Immutable.
 */
public record CidrBudget(long total, long ipv4, long ipv6) {

  public CidrBudget {
    if (total < 0 || ipv4 < 0 || ipv6 < 0) {
      throw new IllegalArgumentException(
          "a budget cannot be negative: total " + total + ", IPv4 " + ipv4 + ", IPv6 " + ipv6);
    }
  }

  /** Room for {@code total} CIDRs of either family. */
  public static CidrBudget shared(long total) {
    return new CidrBudget(total, total, total);
  }

  /** Room for {@code ipv4} IPv4 and, besides, {@code ipv6} IPv6 CIDRs. */
  public static CidrBudget perFamily(long ipv4, long ipv6) {
    return new CidrBudget(ipv4 + ipv6, ipv4, ipv6);
  }

  /** Whether {@code ipv4Blocks} IPv4 and {@code ipv6Blocks} IPv6 CIDRs fit. */
  public boolean fits(long ipv4Blocks, long ipv6Blocks) {
    return ipv4Blocks <= ipv4 && ipv6Blocks <= ipv6 && ipv4Blocks + ipv6Blocks <= total;
  }
}
