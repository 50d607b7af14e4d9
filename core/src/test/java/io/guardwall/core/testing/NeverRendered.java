package io.guardwall.core.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test oracle for the safety rule: the ranges guardwall must never render or store, written out
 * from the README's list and the RFC / IANA tables rather than read from the product's {@code
 * SafetyRule}, so that a test built on it can catch that rule being wrong; stateless and
 * thread-safe.
 */
public final class NeverRendered {

  /** The README's non-public ranges (IANA special-purpose registries, RFC 6890 and its updates). */
  public static final List<String> NON_PUBLIC =
      List.of(
          "0.0.0.0/8", // "this network", RFC 791
          "10.0.0.0/8", // private, RFC 1918
          "100.64.0.0/10", // shared address space (CGNAT), RFC 6598
          "127.0.0.0/8", // loopback, RFC 1122
          "169.254.0.0/16", // link-local and the instance metadata address, RFC 3927
          "172.16.0.0/12", // private, RFC 1918
          "192.0.0.0/24", // IETF protocol assignments, RFC 6890
          "192.168.0.0/16", // private, RFC 1918
          "198.18.0.0/15", // benchmarking, RFC 2544
          "224.0.0.0/4", // multicast, RFC 5771
          "240.0.0.0/4", // reserved and limited broadcast, RFC 1112 / RFC 919
          "::/128", // unspecified, RFC 4291
          "::1/128", // loopback, RFC 4291
          "100::/64", // discard-only, RFC 6666
          "fc00::/7", // unique local, RFC 4193
          "fe80::/10", // link-local, RFC 4291
          "ff00::/8"); // multicast, RFC 4291

  /**
   * The IPv6 ranges that carry an IPv4 address: guardwall renders and stores such an address as
   * IPv4, so no rendered or stored IPv6 CIDR lies in (or covers) one of them.
   */
  public static final List<String> EMBEDS_IPV4 =
      List.of(
          "::ffff:0:0/96", // IPv4-mapped, RFC 4291
          "::ffff:0:0:0/96", // IPv4-translated (SIIT), RFC 6145
          "::/96", // IPv4-compatible, RFC 4291
          "64:ff9b::/96", // NAT64 well-known prefix, RFC 6052
          "64:ff9b:1::/48", // NAT64 local-use prefix, RFC 8215
          "2002::/16"); // 6to4, RFC 3056

  /** Every range of both lists. */
  public static final List<String> RANGES =
      Stream.concat(NON_PUBLIC.stream(), EMBEDS_IPV4.stream()).toList();

  // The README's default maxBlockWidth: /16 for IPv4, /48 for IPv6, as address counts.
  private static final BigInteger V4_LIMIT = BigInteger.ONE.shiftLeft(32 - 16);
  private static final BigInteger V6_LIMIT = BigInteger.ONE.shiftLeft(128 - 48);

  private NeverRendered() {}

  /**
   * What is wrong with one rendered or stored CIDR under the default maximum width; empty when
   * nothing is.
   */
  public static List<String> problems(String cidr) {
    Optional<CidrInterval> parsed = CidrInterval.parse(cidr);
    if (parsed.isEmpty()) {
      return List.of(cidr + ": not a CIDR");
    }
    CidrInterval range = parsed.get();
    List<String> problems = new ArrayList<>();
    if (range.size().compareTo(range.v6() ? V6_LIMIT : V4_LIMIT) > 0) {
      problems.add(cidr + ": wider than " + (range.v6() ? "/48" : "/16"));
    }
    overlapped(range).forEach(r -> problems.add(cidr + ": overlaps never-rendered " + r));
    return problems;
  }

  /** The ranges of {@link #RANGES} that {@code range} overlaps. */
  public static List<String> overlapped(CidrInterval range) {
    return RANGES.stream().filter(r -> range.overlaps(CidrInterval.of(r))).toList();
  }
}
