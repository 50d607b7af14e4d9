package io.guardwall.core.policy;

import inet.ipaddr.IPAddress;
import io.guardwall.core.config.BlockWidth;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Ipv4Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule every blocklist entry obeys on every path (a finding, a manual block, an entry read back
 * from a store, the rendered rule group): never a non-public address, never an allow-listed one,
 * never wider than {@code maxBlockWidth}; immutable and thread-safe.
 *
 * <p>Addresses are judged in canonical form: {@link Cidr} turns every IPv6 form that embeds IPv4
 * into the IPv4 block, and a block that covers a whole embedding range is refused outright, since
 * it stands for private IPv4 addresses as well. A CIDR is refused when it merely overlaps a
 * non-public or allow-listed range: blocking 10.0.0.0/7 would also block 10.0.0.0/8.
 */
public final class SafetyRule {

  /** A range held with its parsed block, so that a check parses the checked CIDR only once. */
  private record Range(Cidr cidr, IPAddress block) {
    static Range of(Cidr cidr) {
      return new Range(cidr, cidr.address());
    }

    boolean overlaps(IPAddress other) {
      return block.contains(other) || other.contains(block);
    }
  }

  private static final List<Range> NON_PUBLIC =
      NonPublicRanges.RANGES.stream().map(Range::of).toList();

  private final BlockWidth maxWidth;
  private final List<Cidr> allowList;
  private final List<Range> allowed;
  // The IPv4 ranges a block may not overlap, as [first, last] pairs: the common case (a public
  // IPv4 entry) is decided without parsing, which keeps rendering 15,000 entries fast.
  private final long[] forbiddenIpv4;

  private SafetyRule(BlockWidth maxWidth, List<Cidr> allowList) {
    this.maxWidth = Objects.requireNonNull(maxWidth, "maxWidth");
    this.allowList = List.copyOf(allowList);
    this.allowed = this.allowList.stream().map(Range::of).toList();
    this.forbiddenIpv4 =
        java.util.stream.Stream.concat(NON_PUBLIC.stream(), allowed.stream())
            .map(Range::block)
            .filter(IPAddress::isIPv4)
            .flatMapToLong(
                b ->
                    java.util.stream.LongStream.of(
                        b.getLower().getValue().longValue(), b.getUpper().getValue().longValue()))
            .toArray();
  }

  /** The rule with the configured allow-list and maximum width. */
  public static SafetyRule of(GuardwallConfig config) {
    return new SafetyRule(config.maxBlockWidth(), config.allowList());
  }

  /** The rule with this allow-list extended by {@code allowed} (the dynamic allow-list). */
  SafetyRule allowing(Collection<Cidr> allowed) {
    List<Cidr> all = new ArrayList<>(allowList);
    all.addAll(allowed);
    return new SafetyRule(maxWidth, all);
  }

  /** The part of the rule {@code cidr} breaks, or empty when it may be blocked. */
  public Optional<Violation> check(Cidr cidr) {
    if (isPlainlyAllowedIpv4(cidr.value())) {
      return Optional.empty();
    }
    IPAddress block = cidr.address();
    return tooWide(cidr, block)
        .or(() -> embedsIpv4(cidr))
        .or(() -> overlap(cidr, block, NON_PUBLIC, Violation.Kind.NON_PUBLIC, "non-public address"))
        .or(() -> overlap(cidr, block, allowed, Violation.Kind.ALLOW_LISTED, "allow-listed"));
  }

  /**
   * True when {@code value}, a canonical IPv4 CIDR, is narrow enough and overlaps no forbidden
   * range; false when it is not IPv4 or may break the rule (the full check then names why).
   */
  private boolean isPlainlyAllowedIpv4(String value) {
    int slash = value.indexOf('/');
    if (slash < 0 || value.indexOf(':') >= 0) {
      return false;
    }
    int prefix = Integer.parseInt(value, slash + 1, value.length(), 10);
    if (prefix < maxWidth.ipv4()) {
      return false;
    }
    long first = Ipv4Text.address(value, 0, slash);
    long last = first + (1L << (32 - prefix)) - 1;
    for (int i = 0; i < forbiddenIpv4.length; i += 2) {
      if (first <= forbiddenIpv4[i + 1] && forbiddenIpv4[i] <= last) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code cidr} may be blocked. */
  boolean allows(Cidr cidr) {
    return check(cidr).isEmpty();
  }

  private Optional<Violation> tooWide(Cidr cidr, IPAddress block) {
    int shortest = block.isIPv4() ? maxWidth.ipv4() : maxWidth.ipv6();
    if (block.getNetworkPrefixLength() >= shortest) {
      return Optional.empty();
    }
    String family = block.isIPv4() ? "IPv4" : "IPv6";
    return Optional.of(
        new Violation(
            cidr,
            Violation.Kind.TOO_WIDE,
            cidr
                + " is wider than /"
                + shortest
                + ", the widest "
                + family
                + " block allowed"
                + " (maxBlockWidth)"));
  }

  private static Optional<Violation> embedsIpv4(Cidr cidr) {
    if (cidr.isIpv4()) {
      return Optional.empty();
    }
    return cidr.coveredEmbeddingRange()
        .map(
            range ->
                new Violation(
                    cidr,
                    Violation.Kind.EMBEDS_IPV4,
                    cidr
                        + " covers the "
                        + range
                        + " range, which stands for IPv4 addresses,"
                        + " private ones included"));
  }

  private static Optional<Violation> overlap(
      Cidr cidr, IPAddress block, List<Range> ranges, Violation.Kind kind, String what) {
    return ranges.stream()
        .filter(r -> r.overlaps(block))
        .findFirst()
        .map(r -> new Violation(cidr, kind, describe(cidr, block, r, what)));
  }

  private static String describe(Cidr cidr, IPAddress block, Range range, String what) {
    return range.block().contains(block)
        ? what + " (in " + range.cidr() + ")"
        : cidr + " overlaps the " + what.replace(" address", "") + " range " + range.cidr();
  }
}
