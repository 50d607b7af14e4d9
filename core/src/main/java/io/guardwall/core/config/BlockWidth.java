package io.guardwall.core.config;

import io.guardwall.core.model.Cidr;

/**
 * The widest CIDR guardwall blocks, as the shortest prefix length per address family; immutable.
 *
 * <p>The floors (/8, /16) are deliberate: a wider entry would stand for a sizeable share of the
 * internet, which no finding justifies and no typo should be able to render.
 *
 * @param ipv4 shortest IPv4 prefix length, 8 to 32 (default 16)
 * @param ipv6 shortest IPv6 prefix length, 16 to 128 (default 48)
 */
public record BlockWidth(int ipv4, int ipv6) {

  private static final int IPV4_FLOOR = 8;
  private static final int IPV6_FLOOR = 16;

  public BlockWidth {
    requireWithin("ipv4", ipv4, IPV4_FLOOR, 32);
    requireWithin("ipv6", ipv6, IPV6_FLOOR, 128);
  }

  /** /16 for IPv4, /48 for IPv6. */
  public static BlockWidth defaults() {
    return new BlockWidth(16, 48);
  }

  /** The shortest prefix length allowed for {@code cidr}'s family. */
  public int shortestPrefix(Cidr cidr) {
    return cidr.isIpv4() ? ipv4 : ipv6;
  }

  private static void requireWithin(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be a prefix length from " + min + " to " + max + ", got " + value);
    }
  }
}
