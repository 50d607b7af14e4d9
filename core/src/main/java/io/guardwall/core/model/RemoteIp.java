package io.guardwall.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One remote address named by a finding, with where it was found and what the finding says about it
 * (direction, country, ASN; each may be null); immutable.
 *
 * @param asn the AS number in plain decimal ("64496"); null when the finding gives none or a
 *     placeholder for unknown ("-1", "0", "", "null")
 */
public record RemoteIp(
    Cidr address,
    IpSource source,
    @Nullable String direction,
    @Nullable String country,
    @Nullable String asn,
    @Nullable String organization) {

  private static final Pattern AS_NUMBER = Pattern.compile("(?:AS)?0*(\\d{1,10})");

  /** AS 0 and 4294967295 are reserved: GuardDuty's "0" and "-1" mean it does not know. */
  private static final long MAX_ASN = 4_294_967_294L;

  public RemoteIp {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(source, "source");
    asn = asNumber(asn);
  }

  public static RemoteIp of(Cidr address, IpSource source) {
    return new RemoteIp(address, source, null, null, null, null);
  }

  /** A known AS number as plain decimal, else null: every renderer then shows nothing. */
  static @Nullable String asNumber(@Nullable String text) {
    if (text == null) {
      return null;
    }
    Matcher m = AS_NUMBER.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return n >= 1 && n <= MAX_ASN ? Long.toString(n) : null;
  }
}
