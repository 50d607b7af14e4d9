package io.guardwall.core.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import io.guardwall.core.text.Excerpt;
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
    // Already canonical IPv4, the common case, needs no parse.
    value = Ipv4Text.canonicalPrefix(value) >= 0 ? value : canonicalOf(value);
  }

  private static String canonicalOf(String value) {
    IPAddress parsed = toAddress(value);
    if (!parsed.isPrefixBlock() && parsed.getNetworkPrefixLength() != null) {
      throw new IllegalArgumentException("not a network address (host bits set): " + value);
    }
    return canonical(parsed);
  }

  /**
   * Parses a CIDR ({@code 203.0.113.0/24}) or a single address, which becomes a /32 or /128. An
   * IPv6 block that embeds IPv4 (mapped, compatible, SIIT, NAT64, 6to4) becomes the IPv4 block.
   * IPv4 parts are decimal without leading zeros ({@code 010.0.0.1} could mean octal 8.0.0.1).
   *
   * @throws IllegalArgumentException naming the text when it is no such CIDR
   */
  public static Cidr parse(String text) {
    return new Cidr(text);
  }

  /**
   * Parses one address as it appears in a finding: a bare IPv4 or IPv6 address, never a range, a
   * prefix or a zone. An IPv6 form that embeds an IPv4 address becomes the IPv4 address.
   *
   * @throws IllegalArgumentException naming the text when it is no such address
   */
  public static Cidr ofAddress(String text) {
    Objects.requireNonNull(text, "address");
    if (Ipv4Text.address(text, 0, text.length()) >= 0) {
      return new Cidr(text + "/32");
    }
    IPAddressString s = addressString(text, ADDRESS_FORMS);
    IPAddress address = s.isIPAddress() ? s.getAddress() : null;
    if (address == null || address.isMultiple()) {
      throw new IllegalArgumentException("not an IP address: " + Excerpt.quoted(text));
    }
    return of(address.toPrefixBlock(address.getBitCount()));
  }

  /** Whether {@code text} is one address as {@link #ofAddress} takes it. */
  public static boolean isAddress(String text) {
    if (Ipv4Text.address(text, 0, text.length()) >= 0) {
      return true;
    }
    IPAddressString s = addressString(text, ADDRESS_FORMS);
    IPAddress address = s.isIPAddress() ? s.getAddress() : null;
    return address != null && !address.isMultiple();
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

  /** The prefix length: 32 or 128 for a single address. */
  public int prefixLength() {
    return address().getNetworkPrefixLength();
  }

  /** True for a single address (/32 or /128). */
  boolean isSingleAddress() {
    IPAddress a = address();
    return a.getNetworkPrefixLength() == a.getBitCount();
  }

  /** The address alone when this is a single address, else the CIDR. */
  public String display() {
    if (value.endsWith("/32") && Ipv4Text.canonicalPrefix(value) == 32) {
      return value.substring(0, value.length() - 3);
    }
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
      IPAddress a = addressString(text, CIDR_FORMS).toAddress();
      if (a.getNetworkPrefixLength() == null) {
        a = a.toPrefixBlock(a.getBitCount());
      }
      return EmbeddedIpv4.unwrap(a).orElse(a);
    } catch (AddressStringException | RuntimeException e) {
      throw new IllegalArgumentException("not a CIDR: " + Excerpt.quoted(text), e);
    }
  }

  /** The embedding range (NAT64, 6to4, ...) this block covers whole, named; empty if none. */
  public java.util.Optional<String> coveredEmbeddingRange() {
    return EmbeddedIpv4.covered(address()).map(r -> r.name() + " " + r.block());
  }

  // The library stops reading at a NUL, so "192.0.2.16\0" would pass as 192.0.2.16: text with a
  // control character is no address at all (the empty string, which the strict forms refuse).
  private static IPAddressString addressString(String text, IPAddressStringParameters forms) {
    String stripped = text.strip();
    return new IPAddressString(
        stripped.chars().anyMatch(Character::isISOControl) ? "" : stripped, forms);
  }

  private static IPAddressStringParameters strict(boolean allowPrefix) {
    IPAddressStringParameters.Builder b =
        new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowPrefix(allowPrefix)
            .allowPrefixOnly(false)
            .allowMask(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
            .allow_inet_aton(false);
    b.getIPv4AddressParametersBuilder().allowLeadingZeros(false);
    // A group of more than four hex digits ("00001") is no IPv6 address, however many are zeros.
    b.getIPv6AddressParametersBuilder()
        .allowZone(false)
        .allowBase85(false)
        .allowBinary(false)
        .allowUnlimitedLeadingZeros(false);
    b.getIPv6AddressParametersBuilder()
        .getEmbeddedIPv4AddressParametersBuilder()
        .allowLeadingZeros(false)
        .allow_inet_aton(false);
    return b.toParams();
  }

  private static String canonical(IPAddress a) {
    return a.toPrefixBlock().toCanonicalString();
  }
}
