package io.guardwall.cli;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The safety rule read independently of the product's own {@code Cidr} code, to judge what the
 * corpus test finds rendered or stored; stateless and thread-safe.
 *
 * <p>A CIDR breaks the rule when it is wider than /16 (IPv4) or /48 (IPv6), when it overlaps a
 * non-public range, or when an IPv4 address it embeds (mapped, compatible, SIIT, NAT64, 6to4) does.
 * It also must not touch the corpus's "never" ranges, which only hostile files use.
 */
final class CidrSafety {

  private static final List<Range> NON_PUBLIC_V4 =
      ranges(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "224.0.0.0/4",
          "240.0.0.0/4");
  private static final List<Range> NON_PUBLIC_V6 =
      ranges("::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8");

  // Documentation ranges the corpus uses only where blocking would be wrong.
  private static final List<Range> NEVER_V4 = ranges("192.0.2.0/24");
  private static final List<Range> NEVER_V6 = ranges("2001:db8:bad::/48");

  private static final BigInteger V4_MASK = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final BigInteger U16 = BigInteger.valueOf(0xFFFF);
  private static final BigInteger V4_BLOCK_LIMIT = BigInteger.ONE.shiftLeft(16);

  private static final List<Embedding> EMBEDDINGS =
      List.of(
          new Embedding("mapped", range("::ffff:0:0/96"), CidrSafety::low32),
          new Embedding("compatible", range("::/96"), CidrSafety::low32),
          new Embedding("SIIT", range("::ffff:0:0:0/96"), CidrSafety::low32),
          new Embedding("NAT64", range("64:ff9b::/96"), CidrSafety::low32),
          new Embedding("local NAT64 /96", range("64:ff9b:1::/48"), CidrSafety::low32),
          new Embedding("local NAT64 /48", range("64:ff9b:1::/48"), CidrSafety::nat64Slash48),
          new Embedding("6to4", range("2002::/16"), v -> v.shiftRight(80).and(V4_MASK)));

  private CidrSafety() {}

  /** What is wrong with one rendered or stored CIDR; empty when it keeps the rule. */
  static List<String> problems(String cidr) {
    IPAddress block = block(cidr);
    if (block == null) {
      return List.of(cidr + ": not a CIDR");
    }
    List<String> problems = new ArrayList<>();
    Range range = Range.of(block);
    if (block.isIPv4()) {
      checkV4(cidr, range, "", problems);
    } else {
      checkV6(cidr, block, range, problems);
    }
    return problems;
  }

  /** True when {@code outer} covers every address of {@code inner}. */
  static boolean covers(String outer, String inner) {
    IPAddress a = block(outer);
    IPAddress b = block(inner);
    return a != null && b != null && a.isIPv4() == b.isIPv4() && Range.of(a).covers(Range.of(b));
  }

  private static void checkV4(String cidr, Range v4, String via, List<String> problems) {
    if (v4.size().compareTo(V4_BLOCK_LIMIT) > 0) {
      problems.add(cidr + via + ": wider than /16");
    }
    overlap(cidr + via, v4, NON_PUBLIC_V4, "non-public", problems);
    overlap(cidr + via, v4, NEVER_V4, "a corpus never-block address", problems);
  }

  private static void checkV6(String cidr, IPAddress block, Range range, List<String> problems) {
    if (block.getPrefixLength() != null && block.getPrefixLength() < 48) {
      problems.add(cidr + ": wider than /48");
    }
    overlap(cidr, range, NON_PUBLIC_V6, "non-public", problems);
    overlap(cidr, range, NEVER_V6, "a corpus never-block address", problems);
    for (Embedding e : EMBEDDINGS) {
      Range inside = range.intersect(e.prefix());
      if (inside != null) {
        Range v4 = Range.v4(e.extract().apply(inside.low()), e.extract().apply(inside.high()));
        checkV4(cidr, v4, " (" + e.name() + " " + v4.text() + ")", problems);
      }
    }
  }

  private static void overlap(
      String what, Range range, List<Range> forbidden, String label, List<String> problems) {
    for (Range f : forbidden) {
      if (range.intersect(f) != null) {
        problems.add(what + ": overlaps " + label + " " + f.text());
      }
    }
  }

  private static BigInteger low32(BigInteger v) {
    return v.and(V4_MASK);
  }

  /** RFC 6052 with a /48 prefix: IPv4 bits 0-15 at bits 48-63, bits 16-31 at bits 72-87. */
  private static BigInteger nat64Slash48(BigInteger v) {
    return v.shiftRight(64).and(U16).shiftLeft(16).or(v.shiftRight(40).and(U16));
  }

  private static IPAddress block(String cidr) {
    IPAddress a = new IPAddressString(cidr).getAddress();
    if (a == null) {
      return null;
    }
    return a.getPrefixLength() == null ? a : a.toPrefixBlock();
  }

  private static Range range(String cidr) {
    return Range.of(block(cidr)).named(cidr);
  }

  private static List<Range> ranges(String... cidrs) {
    return List.of(cidrs).stream().map(CidrSafety::range).toList();
  }

  /** An IPv4 address hidden in an IPv6 prefix, and how to read it out. */
  private record Embedding(String name, Range prefix, UnaryOperator<BigInteger> extract) {}

  /** An inclusive range of address values of one family, with how to show it. */
  record Range(BigInteger low, BigInteger high, String text) {

    static Range of(IPAddress block) {
      return new Range(block.getValue(), block.getUpperValue(), block.toString());
    }

    static Range v4(BigInteger low, BigInteger high) {
      String text = low.equals(high) ? dotted(low) : dotted(low) + "-" + dotted(high);
      return new Range(low, high, text);
    }

    Range named(String name) {
      return new Range(low, high, name);
    }

    Range intersect(Range o) {
      BigInteger lo = low.max(o.low);
      BigInteger hi = high.min(o.high);
      return lo.compareTo(hi) <= 0 ? new Range(lo, hi, text) : null;
    }

    boolean covers(Range o) {
      return low.compareTo(o.low) <= 0 && high.compareTo(o.high) >= 0;
    }

    BigInteger size() {
      return high.subtract(low).add(BigInteger.ONE);
    }

    private static String dotted(BigInteger v) {
      long n = v.longValue();
      return (n >> 24 & 255) + "." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
  }
}
