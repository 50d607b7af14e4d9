package io.guardwall.core.plan;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import io.guardwall.core.model.Cidr;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An inclusive range of addresses of one IP family, as unsigned numbers; immutable.
 *
 * @param bits 32 for IPv4, 128 for IPv6
 * @param cidr the CIDR this range is exactly, or null when it is not known to be one
 */
record AddressRange(int bits, U128 first, U128 last, @Nullable Cidr cidr) {

  static final int IPV4_BITS = 32;
  static final int IPV6_BITS = 128;

  static AddressRange of(Cidr cidr) {
    String value = cidr.value();
    if (value.indexOf(':') < 0) {
      return ofIpv4(value, cidr);
    }
    IPAddress block = cidr.address();
    return new AddressRange(
        IPV6_BITS, number(block.getBytes()), number(block.getUpperBytes()), cidr);
  }

  /**
   * Calls {@code sink} with the fewest prefix blocks that cover exactly this range, ascending. A
   * block starting at {@code n} can be as large as the alignment of {@code n} allows and as the
   * rest of the range does; taking the largest such block each time gives the unique minimal cover.
   */
  void forEachBlock(BlockSink sink) {
    for (U128 start = first; ; ) {
      int alignment = Math.min(bits, start.trailingZeros());
      int hostBits = Math.min(alignment, last.minus(start).floorLog2OfSuccessor());
      sink.accept(start, bits - hostBits);
      U128 blockLast = start.withLowBits(hostBits);
      if (blockLast.equals(last)) {
        return;
      }
      start = blockLast.plusOne();
    }
  }

  /** How many blocks {@link #forEachBlock} yields. */
  int blockCount() {
    if (cidr != null || first.equals(last)) {
      return 1;
    }
    int[] count = {0};
    forEachBlock((start, prefix) -> count[0]++);
    return count[0];
  }

  /** This range as CIDRs, ascending, appended to {@code cidrs}. */
  void appendCidrs(List<Cidr> cidrs) {
    if (cidr != null) {
      cidrs.add(cidr);
    } else {
      forEachBlock((start, prefix) -> cidrs.add(toCidr(start, prefix)));
    }
  }

  private Cidr toCidr(U128 start, int prefix) {
    IPAddress address =
        bits == IPV4_BITS
            ? new IPv4Address((int) start.lo(), prefix)
            : new IPv6Address(start.hi(), start.lo(), prefix);
    return Cidr.of(address);
  }

  /**
   * Reads the canonical IPv4 form that {@link Cidr} guarantees ({@code 198.51.100.0/24}) without
   * the general parser, which would otherwise dominate planning time for large blocklists.
   */
  private static AddressRange ofIpv4(String value, Cidr cidr) {
    long address = 0;
    int octet = 0;
    int i = 0;
    for (char c = value.charAt(i); c != '/'; c = value.charAt(++i)) {
      if (c == '.') {
        address = (address << 8) | octet;
        octet = 0;
      } else {
        octet = octet * 10 + (c - '0');
      }
    }
    address = (address << 8) | octet;
    int hostBits = IPV4_BITS - Integer.parseInt(value, i + 1, value.length(), 10);
    U128 first = new U128(0, address);
    return new AddressRange(IPV4_BITS, first, first.withLowBits(hostBits), cidr);
  }

  private static U128 number(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new U128(buffer.getLong(), buffer.getLong());
  }

  /** Receives one prefix block. */
  @FunctionalInterface
  interface BlockSink {
    void accept(U128 start, int prefixLength);
  }
}
