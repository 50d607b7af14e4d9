package io.guardwall.aws;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The ARN of a Network Firewall stateless rule group, validated, with the region it lives in;
 * immutable.
 */
record RuleGroupArn(String value, Region region) {

  // arn:PARTITION:network-firewall:REGION:ACCOUNT:stateless-rulegroup/NAME, names as the API
  // allows.
  private static final Pattern FORM =
      Pattern.compile(
          "arn:[a-z-]+:network-firewall:([a-z0-9-]+):\\d{12}:"
              + "(stateless|stateful)-rulegroup/[a-zA-Z0-9-]{1,128}");

  RuleGroupArn {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(region, "region");
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the problem when it is not a stateless rule group ARN
   */
  static RuleGroupArn parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("rule group ARN is missing");
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a Network Firewall rule group ARN (arn:aws:network-firewall:REGION:ACCOUNT:"
              + "stateless-rulegroup/NAME): '"
              + abbreviate(text)
              + "'");
    }
    if (m.group(2).equals("stateful")) {
      throw new IllegalArgumentException(
          "rule group " + text.trim() + " is stateful; guardwall needs a STATELESS rule group");
    }
    return new RuleGroupArn(m.group(), Region.of(m.group(1)));
  }

  @Override
  public String toString() {
    return value;
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 97) + "...";
  }
}
