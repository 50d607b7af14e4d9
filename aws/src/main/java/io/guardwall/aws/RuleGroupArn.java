package io.guardwall.aws;

import io.guardwall.core.text.Excerpt;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The ARN of a Network Firewall stateless rule group, validated, with the region it lives in: the
 * one definition of the form, used by the adapter and by the CDK stack's props. Immutable.
 */
public record RuleGroupArn(String value, Region region) {

  // arn:PARTITION:network-firewall:REGION:ACCOUNT:stateless-rulegroup/NAME, names as the API
  // allows; every partition's name starts with "aws" (aws, aws-cn, aws-us-gov, aws-iso, ...).
  private static final Pattern FORM =
      Pattern.compile(
          "arn:aws[a-z-]*:network-firewall:([a-z0-9-]+):\\d{12}:"
              + "(stateless|stateful)-rulegroup/[a-zA-Z0-9-]{1,128}");

  /**
   * @throws IllegalArgumentException when {@code value} is not a stateless rule group ARN in {@code
   *     region}
   */
  public RuleGroupArn {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(region, "region");
    String own = regionOf(value);
    if (!own.equals(region.id())) {
      throw new IllegalArgumentException(
          "rule group " + value + " is in region " + own + ", not " + region.id());
    }
  }

  /**
   * Parses {@code text}, ignoring surrounding white space.
   *
   * @throws IllegalArgumentException naming the problem when it is not a stateless rule group ARN
   */
  public static RuleGroupArn parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("rule group ARN is missing");
    }
    String value = text.trim();
    return new RuleGroupArn(value, Region.of(regionOf(value)));
  }

  private static String regionOf(String value) {
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a Network Firewall rule group ARN (arn:aws:network-firewall:REGION:ACCOUNT:"
              + "stateless-rulegroup/NAME): '"
              + Excerpt.of(value, 100)
              + "'");
    }
    if (m.group(2).equals("stateful")) {
      throw new IllegalArgumentException(
          "rule group " + value + " is stateful; guardwall needs a STATELESS rule group");
    }
    return m.group(1);
  }

  @Override
  public String toString() {
    return value;
  }
}
