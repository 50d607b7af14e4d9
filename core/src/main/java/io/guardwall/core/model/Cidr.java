package io.guardwall.core.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in canonical CIDR form ({@code 198.51.100.7/32}, {@code 2001:db8::/32});
 * immutable and thread-safe.
 */
public record Cidr(String value) implements Comparable<Cidr> {

  // Strict forms only: no inet_aton shorthands ("1.2.3"), empty strings, ranges or wildcards, which
  // the library would otherwise accept and which no finding or operator means.
  private static final IPAddressStringParameters CIDR_FORMS = strict(true);
  private static final IPAddressStringParameters ADDRESS_FORMS = strict(false);

  public Cidr {
    Objects.requireNonNull(value, "value");
    IPAddress parsed = toAddress(value);
    if (!parsed.isPrefixBlock() && parsed.getNetworkPrefixLength() != null) {
      throw new IllegalArgumentException("not a network address (host bits set): " + value);
    }
    value = canonical(parsed);
  }

  /** Parses a CIDR ({@code 10.0.0.0/8}) or a single address, which becomes a /32 or /128. */
  public static Cidr parse(String text) {
    return new Cidr(text);
  }

  /**
   * Parses one address as it appears in a finding: a bare IPv4 or IPv6 address, never a range. An
   * IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.9}) becomes the IPv4 address.
   */
  public static Cidr ofAddress(String text) {
    Objects.requireNonNull(text, "address");
    IPAddressString s = new IPAddressString(text.trim(), ADDRESS_FORMS);
    IPAddress address = s.getAddress();
    if (address == null || !s.isIPAddress()) {
      throw new IllegalArgumentException("not an IP address: " + abbreviate(text));
    }
    return new Cidr(
        canonical(unmapped(address).withoutPrefixLength().toPrefixBlock(bits(address))));
  }

  /** Wraps an address block from the ipaddress library. */
  public static Cidr of(IPAddress block) {
    return new Cidr(canonical(block));
  }

  /** The address block, for set arithmetic. */
  public IPAddress address() {
    return toAddress(value);
  }

  public boolean isIpv4() {
    return address().isIPv4();
  }

  /** True for a single address (/32 or /128). */
  public boolean isSingleAddress() {
    IPAddress a = address();
    return a.getNetworkPrefixLength() == a.getBitCount();
  }

  /** The address alone when this is a single address, else the CIDR. */
  public String display() {
    return isSingleAddress()
        ? address().getLower().withoutPrefixLength().toCanonicalString()
        : value;
  }

  public boolean contains(Cidr other) {
    return address().contains(other.address());
  }

  @Override
  public int compareTo(Cidr o) {
    return address().compareTo(o.address());
  }

  @Override
  public String toString() {
    return value;
  }

  private static IPAddress toAddress(String text) {
    try {
      IPAddress a = new IPAddressString(text.trim(), CIDR_FORMS).toAddress();
      if (a.getNetworkPrefixLength() == null) {
        a = unmapped(a);
        a = a.toPrefixBlock(a.getBitCount());
      }
      return a;
    } catch (AddressStringException | RuntimeException e) {
      throw new IllegalArgumentException("not a CIDR: " + abbreviate(text), e);
    }
  }

  private static IPAddressStringParameters strict(boolean allowPrefix) {
    IPAddressStringParameters.Builder b =
        new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowPrefix(allowPrefix)
            .allowMask(false)
            .allowWildcardedSeparator(false);
    b.getIPv4AddressParametersBuilder()
        .allow_inet_aton(false)
        .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE);
    b.getIPv6AddressParametersBuilder()
        .allowZone(false)
        .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE);
    return b.toParams();
  }

  private static IPAddress unmapped(IPAddress a) {
    if (a.isIPv6() && ((IPv6Address) a).isIPv4Mapped()) {
      return ((IPv6Address) a).getEmbeddedIPv4Address();
    }
    return a;
  }

  private static int bits(IPAddress a) {
    return unmapped(a).getBitCount();
  }

  private static String canonical(IPAddress a) {
    return a.toPrefixBlock().toCanonicalString();
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? "'" + text + "'" : "'" + text.substring(0, 61) + "...'";
  }
}
