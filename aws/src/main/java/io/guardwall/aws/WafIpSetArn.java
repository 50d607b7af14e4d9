package io.guardwall.aws;

import io.guardwall.core.text.Excerpt;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.wafv2.model.Scope;

/**
 * The ARN of an AWS WAFv2 IP set, validated, with what its API calls need: scope, name, id and the
 * region they go to (us-east-1 for CLOUDFRONT sets). Immutable.
 */
record WafIpSetArn(
    String value, String account, Region region, Scope scope, String name, String id) {

  // arn:PARTITION:wafv2:REGION:ACCOUNT:(regional|global)/ipset/NAME/ID, names as the API allows.
  private static final Pattern FORM =
      Pattern.compile(
          "arn:aws[a-z-]*:wafv2:([a-z0-9-]+):(\\d{12}):(regional|global)/ipset/"
              + "([\\w-]{1,128})/([a-zA-Z0-9-]{1,128})");

  WafIpSetArn {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(id, "id");
  }

  /**
   * Parses {@code text}, ignoring surrounding white space.
   *
   * @throws IllegalArgumentException naming the problem when it is not a WAFv2 IP set ARN
   */
  static WafIpSetArn parse(String text) {
    String value = text.trim();
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a WAF IP set ARN (arn:aws:wafv2:REGION:ACCOUNT:regional/ipset/NAME/ID or"
              + " arn:aws:wafv2:us-east-1:ACCOUNT:global/ipset/NAME/ID): '"
              + Excerpt.of(value, 100)
              + "'");
    }
    boolean global = m.group(3).equals("global");
    if (global && !m.group(1).equals("us-east-1")) {
      throw new IllegalArgumentException(
          "IP set "
              + value
              + " has CLOUDFRONT scope, whose ARNs name us-east-1, not "
              + m.group(1));
    }
    Scope scope = global ? Scope.CLOUDFRONT : Scope.REGIONAL;
    return new WafIpSetArn(value, m.group(2), Region.of(m.group(1)), scope, m.group(4), m.group(5));
  }

  /** What shares one write rate: the account and the region the calls go to. */
  String paceKey() {
    return account + "/" + region.id();
  }

  @Override
  public String toString() {
    return value;
  }
}
