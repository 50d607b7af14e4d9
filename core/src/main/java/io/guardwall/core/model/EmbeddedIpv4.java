package io.guardwall.core.model;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The IPv6 ranges that carry an IPv4 address inside them, and the translation of a block inside one
 * of them to the IPv4 block it stands for; stateless and thread-safe.
 *
 * <p>guardwall judges and stores such a block as its IPv4 address, so that {@code
 * 64:ff9b::10.0.0.1} is as non-public as {@code 10.0.0.1}, an allow-listed partner stays allowed
 * whatever form a finding writes it in, and every form of one address is one blocklist entry.
 */
final class EmbeddedIpv4 {

  /**
   * One embedding range.
   *
   * @param name what the range is called, for messages
   * @param block the IPv6 range
   * @param ipv4Bits for each IPv4 bit, most significant first, the IPv6 bit that holds it
   */
  record Range(String name, IPAddress block, List<Integer> ipv4Bits) {

    /** The IPv4 block {@code inner} (a prefix block inside this range) stands for. */
    IPAddress translate(IPAddress inner) {
      byte[] v6 = inner.getLower().getBytes();
      int prefix = inner.getPrefixLength();
      byte[] v4 = new byte[4];
      int v4Prefix = 0;
      for (int i = 0; i < 32; i++) {
        if (ipv4Bits.get(i) < prefix) {
          v4Prefix = i + 1;
          v4[i / 8] |= (byte) (bit(v6, ipv4Bits.get(i)) << (7 - i % 8));
        }
      }
      return new IPv4Address(v4).setPrefixLength(v4Prefix, true).toPrefixBlock();
    }
  }

  /** IANA's special-purpose registry and RFC 6052 / RFC 3056 / RFC 4291 / RFC 6145. */
  static final List<Range> RANGES =
      List.of(
          contiguous("IPv4-mapped", "::ffff:0:0/96", 96),
          contiguous("IPv4-translated (SIIT)", "::ffff:0:0:0/96", 96),
          contiguous("IPv4-compatible", "::/96", 96),
          contiguous("NAT64 well-known prefix", "64:ff9b::/96", 96),
          new Range("NAT64 local-use prefix", block("64:ff9b:1::/48"), rfc6052Slash48()),
          contiguous("6to4", "2002::/16", 16));

  private EmbeddedIpv4() {}

  /**
   * The IPv4 block that {@code block} stands for, when it lies in an embedding range; empty for
   * every other block, and for the unspecified and loopback addresses {@code ::} and {@code ::1}.
   */
  static Optional<IPAddress> unwrap(IPAddress block) {
    if (!block.isIPv6() || (isHost(block) && (block.isZero() || block.isLoopback()))) {
      return Optional.empty();
    }
    return RANGES.stream()
        .filter(r -> r.block().contains(block))
        .findFirst()
        .map(r -> r.translate(block));
  }

  /**
   * The embedding range that {@code block} covers, if any: such a block is too wide to be
   * translated and stands for every IPv4 address, private ones included.
   */
  static Optional<Range> covered(IPAddress block) {
    return RANGES.stream().filter(r -> block.contains(r.block())).findFirst();
  }

  private static boolean isHost(IPAddress block) {
    return block.getPrefixLength() == null || block.getPrefixLength() == block.getBitCount();
  }

  private static Range contiguous(String name, String cidr, int firstBit) {
    return new Range(name, block(cidr), IntStream.range(firstBit, firstBit + 32).boxed().toList());
  }

  /** RFC 6052 section 2.2: a /48 prefix holds the IPv4 address in bits 48-63 and 72-87. */
  private static List<Integer> rfc6052Slash48() {
    return IntStream.concat(IntStream.range(48, 64), IntStream.range(72, 88)).boxed().toList();
  }

  private static IPAddress block(String cidr) {
    return new inet.ipaddr.IPAddressString(cidr).getAddress().toPrefixBlock();
  }

  private static int bit(byte[] bytes, int index) {
    return (bytes[index / 8] >> (7 - index % 8)) & 1;
  }
}
