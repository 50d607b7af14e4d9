package io.guardwall.core.parse;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * Tells whether text is one IPv4 or IPv6 address in standard notation; stateless and thread-safe.
 *
 * <p>{@code Cidr.ofAddress} alone also takes "" (as loopback), ranges ({@code 1.2.3.4-9}),
 * wildcards, single numbers and inet_aton forms ({@code 010.0.0.1} is octal 8.0.0.1) and zones,
 * none of which a finding's remote address may be: each would block something else than meant.
 */
final class PlainAddress {

  private static final IPAddressStringParameters STRICT = strictParameters();

  private PlainAddress() {}

  static boolean isValid(String text) {
    IPAddressString s = new IPAddressString(text.strip(), STRICT);
    IPAddress address = s.isIPAddress() ? s.getAddress() : null;
    return address != null && !address.isMultiple();
  }

  private static IPAddressStringParameters strictParameters() {
    IPAddressStringParameters.Builder b =
        new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowPrefix(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false);
    b.getIPv4AddressParametersBuilder().allowLeadingZeros(false);
    b.getIPv6AddressParametersBuilder().allowZone(false).allowBase85(false).allowBinary(false);
    b.getIPv6AddressParametersBuilder()
        .getEmbeddedIPv4AddressParametersBuilder()
        .allowLeadingZeros(false)
        .allow_inet_aton(false);
    return b.toParams();
  }
}
