package io.guardwall.core.model;

/**
 * Reads IPv4 addresses and CIDRs in their canonical text form by hand (four decimal octets without
 * leading zeros), which is most of what guardwall meets: a fast path beside the full parser, which
 * handles everything else. Stateless and thread-safe.
 */
public final class Ipv4Text {

  private Ipv4Text() {}

  /**
   * The address written in {@code text} from {@code from} to {@code to} as an unsigned 32-bit
   * number, or -1 when that part is not a canonical dotted quad.
   */
  public static long address(String text, int from, int to) {
    long address = 0;
    int octets = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        int octet = octet(text, start, i);
        if (octet < 0 || ++octets > 4) {
          return -1;
        }
        address = address << 8 | octet;
        start = i + 1;
      }
    }
    return octets == 4 ? address : -1;
  }

  /**
   * The prefix length of a canonical IPv4 CIDR ({@code 198.51.100.0/24}: no host bits set), or -1
   * when {@code text} is not one.
   */
  public static int canonicalPrefix(String text) {
    int slash = text.indexOf('/');
    int prefix = slash < 0 ? -1 : octet(text, slash + 1, text.length());
    if (prefix < 0 || prefix > 32) {
      return -1;
    }
    long address = address(text, 0, slash);
    long hostBits = (1L << (32 - prefix)) - 1;
    return address >= 0 && (address & hostBits) == 0 ? prefix : -1;
  }

  /** A decimal number 0-255 without a leading zero, or -1. */
  private static int octet(String text, int from, int to) {
    int length = to - from;
    if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }
}
