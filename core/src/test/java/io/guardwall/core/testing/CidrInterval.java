package io.guardwall.core.testing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The inclusive range of addresses one CIDR text covers, read with the IPAddress library alone (not
 * with the product's {@code Cidr}), so tests can judge rendered text independently; immutable.
 *
 * @param v6 whether the addresses are IPv6
 * @param low the first address, as a number
 * @param high the last address, as a number
 */
public record CidrInterval(boolean v6, BigInteger low, BigInteger high) {

  /** Validates that the range is not empty. */
  public CidrInterval {
    if (low.compareTo(high) > 0) {
      throw new IllegalArgumentException("empty interval " + low + "-" + high);
    }
  }

  /** The range {@code cidr} covers; a bare address is its /32 or /128. */
  public static CidrInterval of(String cidr) {
    return parse(cidr).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + cidr));
  }

  /** The range {@code text} covers; empty when the text is no CIDR. */
  public static Optional<CidrInterval> parse(String text) {
    IPAddress a = new IPAddressString(text).getAddress();
    if (a == null) {
      return Optional.empty();
    }
    IPAddress block = a.getPrefixLength() == null ? a : a.toPrefixBlock();
    return Optional.of(new CidrInterval(block.isIPv6(), block.getValue(), block.getUpperValue()));
  }

  /** Whether some address lies in both ranges. */
  public boolean overlaps(CidrInterval o) {
    return v6 == o.v6 && low.compareTo(o.high) <= 0 && o.low.compareTo(high) <= 0;
  }

  /** Whether every address of {@code o} lies in this range. */
  public boolean covers(CidrInterval o) {
    return v6 == o.v6 && low.compareTo(o.low) <= 0 && high.compareTo(o.high) >= 0;
  }

  /** How many addresses the range holds. */
  public BigInteger size() {
    return high.subtract(low).add(BigInteger.ONE);
  }
}
