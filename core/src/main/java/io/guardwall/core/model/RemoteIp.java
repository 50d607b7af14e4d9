package io.guardwall.core.model;

import java.util.Objects;

/**
 * One remote address named by a finding, with where it was found and what the finding says about it
 * (direction, country, ASN; each may be null); immutable.
 */
public record RemoteIp(
    Cidr address,
    IpSource source,
    String direction,
    String country,
    String asn,
    String organization) {

  public RemoteIp {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(source, "source");
  }

  public static RemoteIp of(Cidr address, IpSource source) {
    return new RemoteIp(address, source, null, null, null, null);
  }
}
